namespace MlopsCi.Core.Reporting;

/// <summary>
/// Everything the one pull-request comment shows for one model: the comparison with <c>main</c>, the data diff, and the
/// optional sections (validation, drift) that appear only when they were computed. Rendered by <see cref="ReportMarkdown"/>.
/// </summary>
/// <param name="ModelName">The model the report is about (one comment per pull request and model).</param>
/// <param name="PullRequest">The pull request number.</param>
/// <param name="Comparison">Metrics and gates of the candidate against the baseline; null when nothing was trained.</param>
/// <param name="DataDiff">What the pull request changed in the data; null when not computed.</param>
/// <param name="Validation">Data-quality hook results; null when no hooks ran.</param>
/// <param name="Drift">Per-column drift between main's and the pull request's data; null when not computed.</param>
/// <param name="Importance">Top features of the candidate (with the baseline's importance when known), most important first.</param>
/// <param name="Lineage">Where every number came from.</param>
/// <param name="Outcome">The lifecycle state the comment reports (synced, merged, conflict, closed …).</param>
public sealed record PullRequestReport(
    string ModelName,
    int PullRequest,
    ComparisonSection? Comparison,
    DataDiffSection? DataDiff,
    ValidationSection? Validation,
    DriftSection? Drift,
    IReadOnlyList<ImportanceRow> Importance,
    ReportLineage Lineage,
    ReportOutcome Outcome)
{
    /// <summary>The workflow run that made the report; the comment links it and its artifacts.</summary>
    public Uri? RunUrl { get; init; }

    /// <summary>Where the deciding gates and the baseline's model section came from (the destination's spec).</summary>
    public string? DecidingSpec { get; init; }

    /// <summary>What the pull request changes in the spec, shown and judged for information only until it is merged.</summary>
    public SpecChangesSection? SpecChanges { get; init; }
}
