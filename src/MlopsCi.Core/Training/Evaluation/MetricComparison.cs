namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// One metric of two models on the same rows: values, delta (candidate − baseline), the paired bootstrap's confidence
/// interval of the delta, and the verdict by the metric's direction.
/// </summary>
public sealed record MetricComparison(string Metric, double Baseline, double Candidate, double Delta, double CiLow, double CiHigh, Verdict Verdict, bool HigherIsBetter)
{
    /// <summary>Delta relative to the baseline's magnitude (null when the baseline is 0).</summary>
    public double? RelativeDelta => Baseline == 0 ? null : Delta / Math.Abs(Baseline);
}
