using Microsoft.ML;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.MLNet.Data;

namespace MlopsCi.MLNet.Modeling;

/// <summary>Applies a model to raw loaded rows: prepares the label over the evaluation classes, transforms, reads predictions.</summary>
internal static class Scorer
{
    /// <summary>The classes an evaluation uses: the given order (or the model's), then classes only the data has, sorted.</summary>
    public static IReadOnlyList<string> EvaluationClasses(ModelBundle bundle, FileProfile labels, IReadOnlyList<string>? hint)
    {
        if (bundle.Task != ModelTask.Multiclass)
            return bundle.Classes;
        var classes = (hint ?? bundle.Classes).ToList();
        classes.AddRange((labels.LabelValues?.Keys ?? []).Where(c => !classes.Contains(c)).Order(StringComparer.Ordinal));
        return classes;
    }

    public static Predictions Score(MLContext ml, ITransformer model, ModelBundle bundle, IDataView raw, FileProfile labels, IReadOnlyList<string> classes)
    {
        try
        {
            var labelled = LabelPreparer.Fit(ml, raw, bundle, labels, classes).Transform(raw);
            return PredictionReader.Read(model.Transform(labelled), bundle, classes);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new OperationFailedException($"Scoring {labels.DisplayName} with the model failed: {e.Message}", e);
        }
    }
}
