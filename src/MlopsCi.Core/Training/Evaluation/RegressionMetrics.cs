namespace MlopsCi.Core.Training.Evaluation;

/// <summary>RMSE, MAE and R² (weighted).</summary>
internal static class RegressionMetrics
{
    public static void Compute(Predictions p, int[]? weights, IDictionary<string, double> metrics)
    {
        double total = 0, sumLabel = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var w = weights?[i] ?? 1;
            total += w;
            sumLabel += w * p.Labels[i];
        }

        if (total == 0)
            return;
        var mean = sumLabel / total;
        double squared = 0, absolute = 0, variance = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var w = weights?[i] ?? 1;
            if (w == 0)
                continue;
            var error = p.Labels[i] - p.Predicted[i];
            squared += w * error * error;
            absolute += w * Math.Abs(error);
            variance += w * (p.Labels[i] - mean) * (p.Labels[i] - mean);
        }

        metrics[MetricNames.Rmse] = Math.Sqrt(squared / total);
        metrics[MetricNames.Mae] = absolute / total;
        if (variance > 0)
            metrics[MetricNames.R2] = 1 - (squared / variance);
    }
}
