namespace MlopsCi.Core.Reporting;

/// <summary>The lifecycle state a report shows, with what it needs to say about it.</summary>
/// <param name="Kind">The state.</param>
/// <param name="Detail">One sentence for people (why nothing merged, what blocked the commit …); optional.</param>
/// <param name="Conflicts">Paths changed on both sides, for <see cref="OutcomeKind.Conflict"/>.</param>
/// <param name="MergeCommit">The data commit on <c>main</c> after the merge, for <see cref="OutcomeKind.Merged"/>.</param>
/// <param name="ModelVersion">The registered version ("name:3"), for <see cref="OutcomeKind.Merged"/>.</param>
/// <param name="PreviousChampion">The version that was <c>champion</c> before, when any.</param>
/// <param name="Promoted">Whether <c>champion</c> now points at <paramref name="ModelVersion"/>.</param>
public sealed record ReportOutcome(
    OutcomeKind Kind,
    string? Detail = null,
    IReadOnlyList<string>? Conflicts = null,
    string? MergeCommit = null,
    string? ModelVersion = null,
    string? PreviousChampion = null,
    bool Promoted = false)
{
    /// <summary>Synced and waiting for review.</summary>
    public static ReportOutcome Pending { get; } = new(OutcomeKind.Pending);
}
