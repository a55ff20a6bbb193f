using System.Collections;
using Microsoft.ML;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// The threshold a binary model's prediction transformer turns scores into labels with (ML.NET's default: Score above 0).
/// <c>BinaryPredictionTransformer&lt;TModel&gt;</c> is generic over the trained model, so its public
/// <c>Threshold</c> and <c>ThresholdColumn</c> fields are read by name, from the last transformer that has them.
/// </summary>
internal static class ThresholdReader
{
    public static BinaryThreshold? Read(ITransformer model)
    {
        BinaryThreshold? found = null;
        foreach (var transformer in Flatten(model))
        {
            var type = transformer.GetType();
            if (type.GetField("Threshold")?.GetValue(transformer) is float value && type.GetField("ThresholdColumn")?.GetValue(transformer) is string column)
                found = new BinaryThreshold(column.ToLowerInvariant(), value);
        }

        return found;
    }

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
