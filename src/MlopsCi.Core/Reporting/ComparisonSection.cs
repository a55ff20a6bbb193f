using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Reporting;

/// <summary>The candidate against the baseline on the same evaluation rows.</summary>
/// <param name="PrimaryMetric">The metric the headline talks about (e.g. micro-accuracy, r2, auc).</param>
/// <param name="Metrics">One row per metric, in display order.</param>
/// <param name="Gates">The gates of the spec, in order.</param>
/// <param name="Rows">How many evaluation rows both models were scored on.</param>
/// <param name="Resamples">Paired bootstrap resamples.</param>
/// <param name="Confidence">Confidence level of the intervals (0.95).</param>
/// <param name="BaselineLabel">What the baseline is, e.g. "weather:1 (champion)" or "trained on main".</param>
public sealed record ComparisonSection(
    string PrimaryMetric,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<GateRow> Gates,
    int Rows,
    int Resamples,
    double Confidence,
    string BaselineLabel)
{
    /// <summary>Which rows both models were scored on and which were left out as seen in training; null in older reports.</summary>
    public EvaluationRows? Evaluation { get; init; }

    /// <summary>The candidate's training data rows without a label, left out; null when every row had one (or in older reports).</summary>
    public Training.UnlabelledRows? Unlabelled { get; init; }

    /// <summary>DeLong's test for AUC and McNemar's exact test for accuracy beside the bootstrap; empty in older reports.</summary>
    public IReadOnlyList<SignificanceTest> Tests { get; init; } = [];

    /// <summary>main's confusion matrix on the compared rows (classification); null for regression and older reports.</summary>
    public ConfusionMatrix? BaselineConfusion { get; init; }

    /// <summary>The pull request's confusion matrix on the same rows.</summary>
    public ConfusionMatrix? CandidateConfusion { get; init; }

    /// <summary>The primary metric per slice value (<c>model.slices</c>), slices that got significantly worse first.</summary>
    public IReadOnlyList<SliceComparison> Slices { get; init; } = [];

    /// <summary>Whether every gate passed.</summary>
    public bool GatesPassed => Gates.All(g => g.Passed);

    /// <summary>The row of one metric, or null.</summary>
    public MetricRow? this[string metric] => Metrics.FirstOrDefault(m => m.Metric == metric);
}
