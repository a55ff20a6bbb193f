using System.Collections;
using System.Reflection;
using Microsoft.ML;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// The threshold a binary model's prediction transformer turns scores into labels with (ML.NET's default: Score above 0).
/// <c>BinaryPredictionTransformer&lt;TModel&gt;</c> keeps them in internal <c>Threshold</c> and <c>ThresholdColumn</c>
/// fields (ML.NET 5 has no public getter), so they are read by name, from the last transformer that has them; a test
/// checks every scored row against the value read.
/// </summary>
internal static class ThresholdReader
{
    private const BindingFlags Fields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static BinaryThreshold? Read(ITransformer model)
    {
        BinaryThreshold? found = null;
        foreach (var transformer in Flatten(model))
        {
            var type = transformer.GetType();
            if (Member(type, "Threshold", transformer) is float value && Member(type, "ThresholdColumn", transformer) is string column)
                found = new BinaryThreshold(column.ToLowerInvariant(), value);
        }

        return found;
    }

    private static object? Member(Type type, string name, object instance) =>
        type.GetField(name, Fields)?.GetValue(instance) ?? type.GetProperty(name, Fields)?.GetValue(instance);

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer)
    {
        if (transformer is IEnumerable children)
        {
            foreach (var child in children.OfType<ITransformer>().SelectMany(Flatten))
                yield return child;
        }
        else
        {
            yield return transformer;
        }
    }
}
