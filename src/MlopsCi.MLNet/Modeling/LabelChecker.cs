using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.MLNet.Data;

namespace MlopsCi.MLNet.Modeling;

/// <summary>Checks that the training label fits the task and returns the classes (binary: negative, positive; multiclass: sorted).</summary>
internal static class LabelChecker
{
    public static IReadOnlyList<string> Classes(ModelSpec spec, FileProfile train)
    {
        var index = train.IndexOf(spec.Label);
        if (spec.Task == ModelTask.Regression)
        {
            return train.Numeric[index]
                ? []
                : throw new InvalidInputException($"{spec.At("label")}: the label '{spec.Label}' of a regression model must be numeric, but {train.DisplayName} holds non-numeric values in it. Use task: binary or multiclass for classes.");
        }

        var values = train.LabelValues ?? new Dictionary<string, int>();
        if (values.Count < 2)
            throw new InvalidInputException($"{train.DisplayName}: the {spec.Task.ToString().ToLowerInvariant()} label '{spec.Label}' has only one class ('{values.Keys.FirstOrDefault()}') in {train.Rows - train.MissingLabels} rows; a classifier needs at least two classes to learn from.");
        if (spec.Task == ModelTask.Binary)
        {
            if (values.Count > 2)
                throw new InvalidInputException($"{spec.At("task")}: a binary model needs a label with two values, but '{spec.Label}' in {train.DisplayName} has {values.Count} ({string.Join(", ", values.Keys.Order(StringComparer.Ordinal).Take(6))}…). Use task: multiclass.");
            var (negative, positive) = BinaryLabels.Order([.. values.Keys]);
            return [negative, positive];
        }

        return [.. values.Keys.Order(StringComparer.Ordinal)];
    }
}
