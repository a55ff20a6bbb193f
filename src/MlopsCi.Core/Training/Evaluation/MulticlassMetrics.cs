namespace MlopsCi.Core.Training.Evaluation;

/// <summary>Micro and macro accuracy, log-loss and per-class recall (weighted).</summary>
internal static class MulticlassMetrics
{
    private const double Epsilon = 1e-15;

    public static void Compute(Predictions p, int[]? weights, IDictionary<string, double> metrics)
    {
        var classes = p.Classes.Count;
        var perClass = new double[classes];
        var perClassRight = new double[classes];
        double total = 0, right = 0, logLoss = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var w = weights?[i] ?? 1;
            if (w == 0)
                continue;
            var label = (int)p.Labels[i];
            total += w;
            perClass[label] += w;
            if ((int)p.Predicted[i] == label)
            {
                right += w;
                perClassRight[label] += w;
            }

            if (p.Probabilities is { } probabilities)
                logLoss -= w * Math.Log(Math.Clamp(probabilities[i], Epsilon, 1));
        }

        if (total == 0)
            return;
        metrics[MetricNames.MicroAccuracy] = right / total;
        double recallSum = 0;
        var present = 0;
        for (var c = 0; c < classes; c++)
        {
            if (perClass[c] == 0)
                continue;
            var recall = perClassRight[c] / perClass[c];
            metrics[MetricNames.ClassRecallPrefix + p.Classes[c]] = recall;
            recallSum += recall;
            present++;
        }

        metrics[MetricNames.MacroAccuracy] = recallSum / present;
        if (p.Probabilities is not null)
            metrics[MetricNames.LogLoss] = logLoss / total;
    }
}
