namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// AUC, AUPRC (average precision), accuracy, F1, precision, recall and log-loss, in one pass over the rows ordered by
/// descending score; tied scores are one threshold (AUC counts ties as half).
/// </summary>
internal static class BinaryMetrics
{
    private const double Epsilon = 1e-15;

    public static void Compute(Predictions p, int[]? weights, IDictionary<string, double> metrics)
    {
        var scores = p.Scores ?? p.Probabilities ?? p.Predicted;
        var order = p.ByScoreDescending;
        double positives = 0, negatives = 0, tp = 0, fp = 0, tn = 0, fn = 0, logLoss = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var w = weights?[i] ?? 1;
            if (w == 0)
                continue;
            var positive = p.Labels[i] > 0.5;
            var predictedPositive = p.Predicted[i] > 0.5;
            (positives, negatives) = positive ? (positives + w, negatives) : (positives, negatives + w);
            if (positive)
                (tp, fn) = predictedPositive ? (tp + w, fn) : (tp, fn + w);
            else
                (fp, tn) = predictedPositive ? (fp + w, tn) : (fp, tn + w);
            if (p.Probabilities is { } probabilities)
            {
                var probability = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
                logLoss -= w * Math.Log(positive ? probability : 1 - probability);
            }
        }

        var total = positives + negatives;
        if (total == 0)
            return;
        metrics[MetricNames.Accuracy] = (tp + tn) / total;
        var precision = tp + fp > 0 ? tp / (tp + fp) : 0;
        var recall = positives > 0 ? tp / positives : double.NaN;
        metrics[MetricNames.Precision] = precision;
        metrics[MetricNames.Recall] = recall;
        metrics[MetricNames.F1] = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        if (p.Probabilities is not null)
            metrics[MetricNames.LogLoss] = logLoss / total;
        if (positives > 0 && negatives > 0)
            Ranking(p, weights, scores, order, positives, negatives, metrics);
    }

    private static void Ranking(Predictions p, int[]? weights, double[] scores, int[] order, double positives, double negatives, IDictionary<string, double> metrics)
    {
        double aucSum = 0, negativesAbove = 0, truePositives = 0, falsePositives = 0, averagePrecision = 0;
        var k = 0;
        while (k < order.Length)
        {
            double groupPositives = 0, groupNegatives = 0;
            var score = scores[order[k]];
            for (; k < order.Length && scores[order[k]] == score; k++)
            {
                var row = order[k];
                var w = weights?[row] ?? 1;
                if (p.Labels[row] > 0.5)
                    groupPositives += w;
                else
                    groupNegatives += w;
            }

            aucSum += groupPositives * (negatives - negativesAbove - groupNegatives) + (0.5 * groupPositives * groupNegatives);
            negativesAbove += groupNegatives;
            truePositives += groupPositives;
            falsePositives += groupNegatives;
            if (groupPositives > 0)
                averagePrecision += groupPositives / positives * (truePositives / (truePositives + falsePositives));
        }

        metrics[MetricNames.Auc] = aucSum / (positives * negatives);
        metrics[MetricNames.Auprc] = averagePrecision;
    }
}
