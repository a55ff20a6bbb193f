namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Baseline and candidate on the evaluation rows whose <paramref name="Column"/> is <paramref name="Value"/>: the paired
/// bootstrap of the primary metric on those rows (<paramref name="Comparison"/>), or why there is none
/// (<paramref name="Note"/>: too few rows, or the metric is undefined on them).
/// </summary>
public sealed record SliceComparison(string Column, string Value, int Rows, MetricComparison? Comparison, string? Note)
{
    /// <summary>Whether the candidate is significantly worse on this slice.</summary>
    public bool Worse => Comparison?.Verdict == Verdict.Worse;
}
