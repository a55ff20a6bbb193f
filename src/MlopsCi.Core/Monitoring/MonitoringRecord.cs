namespace MlopsCi.Core.Monitoring;

/// <summary>
/// One entry of a model's monitoring history (<c>_mlops/monitoring/&lt;model&gt;/&lt;time&gt;-&lt;id&gt;.json</c>): what was
/// scored (model version, data ref, commit and file), the metrics there and the reference they were checked against,
/// the outcome ("ok", "degraded", "promoted", "kept") and why, in words.
/// </summary>
public sealed record MonitoringRecord(
    string Id,
    string Model,
    MonitoringKind Kind,
    DateTimeOffset Time,
    int? Version,
    string DataRef,
    string DataCommit,
    string Path,
    string Metric,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> Reference,
    IReadOnlyList<MetricCheck> Checks,
    string Outcome,
    string Reason)
{
    /// <summary>Outcome of a monitor run whose checks passed.</summary>
    public const string Ok = "ok";

    /// <summary>Outcome of a monitor run with a metric degraded beyond its threshold.</summary>
    public const string Degraded = "degraded";

    /// <summary>Outcome of a retrain that promoted the new model.</summary>
    public const string Promoted = "promoted";

    /// <summary>Outcome of a retrain that kept the champion.</summary>
    public const string Kept = "kept";

    /// <summary>The run that trained the retrained candidate (retrain records only).</summary>
    public string? RunId { get; init; }

    /// <summary>Which rows were scored and which were left out as seen in training ("evaluation: 292 rows, 0 seen …").</summary>
    public string? Evaluation { get; init; }

    /// <summary>The version registered and made champion by a retrain, when it promoted.</summary>
    public int? PromotedVersion { get; init; }

    /// <summary>The primary metric's value, when computed.</summary>
    public double? Value => Metrics.TryGetValue(Metric, out var value) ? value : null;
}
