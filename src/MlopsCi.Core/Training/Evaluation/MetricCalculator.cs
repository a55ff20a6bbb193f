using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Computes a task's metrics from row-level predictions, optionally with per-row weights (how many times a bootstrap
/// resample drew each row). Metrics that are undefined on the rows (e.g. AUC with one class) are left out.
/// </summary>
public static class MetricCalculator
{
    /// <summary>All metrics of the predictions' task, by name (see <see cref="MetricNames"/>).</summary>
    public static IReadOnlyDictionary<string, double> Compute(Predictions predictions, int[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (weights is not null && weights.Length != predictions.Count)
            throw new ArgumentException("One weight per row is needed.", nameof(weights));
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        switch (predictions.Task)
        {
            case ModelTask.Binary:
                BinaryMetrics.Compute(predictions, weights, metrics);
                break;
            case ModelTask.Multiclass:
                MulticlassMetrics.Compute(predictions, weights, metrics);
                break;
            default:
                RegressionMetrics.Compute(predictions, weights, metrics);
                break;
        }

        foreach (var key in metrics.Where(m => !double.IsFinite(m.Value)).Select(m => m.Key).ToList())
            metrics.Remove(key);
        return metrics;
    }
}
