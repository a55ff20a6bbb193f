using Microsoft.ML;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.MLNet.Data;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Turns the raw label into what the trainer expects, outside the saved model (so the model scores rows without labels):
/// a float (regression), a boolean (binary, by <see cref="BinaryLabels"/>), or a key over the given classes (multiclass).
/// </summary>
internal static class LabelPreparer
{
    public static ITransformer Fit(MLContext ml, IDataView raw, ModelBundle bundle, FileProfile file, IReadOnlyList<string> classes)
    {
        IEstimator<ITransformer> estimator = bundle.Task switch
        {
            ModelTask.Regression => ml.Transforms.CopyColumns(ModelBundle.LabelColumn, ModelBundle.RawLabel),
            ModelTask.Binary => ml.Transforms.Conversion.MapValue(
                ModelBundle.LabelColumn,
                BinaryPairs(bundle, file),
                ModelBundle.RawLabel),
            _ => ml.Transforms.Conversion.MapValueToKey(
                ModelBundle.LabelColumn,
                ModelBundle.RawLabel,
                keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence,
                keyData: ml.Data.LoadFromEnumerable(classes.Select(c => new ClassRow { Value = c }))),
        };
        return estimator.Fit(raw);
    }

    private static IEnumerable<KeyValuePair<string, bool>> BinaryPairs(ModelBundle bundle, FileProfile file)
    {
        var values = file.LabelValues?.Keys ?? [];
        var positive = bundle.Classes[1];
        var pairs = values.Select(v => new KeyValuePair<string, bool>(v, BinaryLabels.IsPositive(v, positive))).ToList();
        var unknown = values.Where(v => !BinaryLabels.IsPositive(v, positive) && !BinaryLabels.IsPositive(v, bundle.Classes[0])).ToList();
        if (unknown.Count > 0)
            throw new InvalidInputException($"{file.DisplayName}: binary label '{bundle.Label}' has value(s) {string.Join(", ", unknown.Take(5).Select(u => $"'{u}'"))} besides the model's classes '{bundle.Classes[0]}' and '{bundle.Classes[1]}'.");
        return pairs;
    }

    private sealed class ClassRow
    {
        public string Value { get; set; } = "";
    }
}
