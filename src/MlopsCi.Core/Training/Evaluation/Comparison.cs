namespace MlopsCi.Core.Training.Evaluation;

/// <summary>Baseline against candidate on the same rows: every metric with its interval and verdict, and the gates.</summary>
public sealed record Comparison(IReadOnlyList<MetricComparison> Metrics, IReadOnlyList<GateResult> Gates, int Rows, BootstrapOptions Bootstrap)
{
    /// <summary>DeLong's test for AUC and McNemar's exact test for accuracy on the same rows, where they apply.</summary>
    public IReadOnlyList<SignificanceTest> Tests { get; init; } = [];

    /// <summary>Whether every gate passed.</summary>
    public bool GatesPassed => Gates.All(g => g.Passed);

    /// <summary>The comparison of one metric, or null.</summary>
    public MetricComparison? this[string metric] => Metrics.FirstOrDefault(m => m.Metric == metric);
}
