namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Where a model goes wrong on its evaluation rows, stored with the run: the confusion matrix and per-class precision,
/// recall and F1 (classification), the binary threshold and ROC / precision-recall points (binary), and the primary
/// metric per value of each slice column (<c>model.slices</c>).
/// </summary>
public sealed record ErrorAnalysis(
    ConfusionMatrix? Confusion,
    IReadOnlyList<ClassMetrics> Classes,
    BinaryThreshold? Threshold,
    IReadOnlyList<CurvePoint> Roc,
    IReadOnlyList<CurvePoint> PrecisionRecall,
    IReadOnlyList<SliceMetric> Slices)
{
    /// <summary>The analysis of one model's predictions; <paramref name="metric"/> is the metric computed per slice.</summary>
    public static ErrorAnalysis Of(Predictions predictions, string metric)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var slices = SliceAnalysis.Metrics(predictions, metric);
        if (predictions.Task == Specs.ModelTask.Regression)
            return new ErrorAnalysis(null, [], null, [], [], slices);
        var confusion = ConfusionMatrix.Of(predictions);
        var (roc, pr) = predictions.Task == Specs.ModelTask.Binary ? BinaryCurves.Of(predictions) : ([], []);
        return new ErrorAnalysis(confusion, confusion.PerClass(), predictions.Threshold, roc, pr, slices);
    }
}
