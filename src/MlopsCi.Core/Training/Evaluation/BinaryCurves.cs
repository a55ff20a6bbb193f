namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// ROC and precision-recall curves of a binary model: one point per distinct score (tied scores are one threshold),
/// walked from the highest score down, then thinned to at most <see cref="MaxPoints"/> evenly spaced points (the first
/// and the last kept) so a run record stays small.
/// </summary>
internal static class BinaryCurves
{
    public const int MaxPoints = 101;

    public static (IReadOnlyList<CurvePoint> Roc, IReadOnlyList<CurvePoint> PrecisionRecall) Of(Predictions p)
    {
        var scores = p.Scores ?? p.Probabilities ?? p.Predicted;
        double positives = 0, negatives = 0;
        foreach (var label in p.Labels)
            (positives, negatives) = label > 0.5 ? (positives + 1, negatives) : (positives, negatives + 1);
        if (positives == 0 || negatives == 0)
            return ([], []);
        var roc = new List<CurvePoint> { new(0, 0, null) };
        var pr = new List<CurvePoint> { new(0, 1, null) };
        var order = p.ByScoreDescending;
        double tp = 0, fp = 0;
        for (var k = 0; k < order.Length;)
        {
            var score = scores[order[k]];
            for (; k < order.Length && scores[order[k]] == score; k++)
                (tp, fp) = p.Labels[order[k]] > 0.5 ? (tp + 1, fp) : (tp, fp + 1);
            roc.Add(new CurvePoint(fp / negatives, tp / positives, score));
            pr.Add(new CurvePoint(tp / positives, tp / (tp + fp), score));
        }

        return (Thin(roc), Thin(pr));
    }

    private static List<CurvePoint> Thin(List<CurvePoint> points)
    {
        if (points.Count <= MaxPoints)
            return points;
        var step = (points.Count - 1) / (double)(MaxPoints - 1);
        return [.. Enumerable.Range(0, MaxPoints).Select(i => points[(int)Math.Round(i * step)])];
    }
}
