using MlopsCi.Core.Reporting;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// What the lifecycle last did for one pull request and model (<c>_mlops/pulls/&lt;n&gt;/&lt;model&gt;.json</c>): its state,
/// the head commit it synced, the candidate run, the champion it compared against, and the report it posted, so merge
/// and close can update the comment without training again and every re-run finds its earlier work.
/// </summary>
/// <param name="Number">The pull request.</param>
/// <param name="Model">The model.</param>
/// <param name="State">open, merged or closed.</param>
/// <param name="HeadSha">The head commit last synced.</param>
/// <param name="DataCommit">The data commit the candidate trained on.</param>
/// <param name="CandidateRun">The candidate's run id.</param>
/// <param name="ComparedChampion">The champion version the candidate was compared with (null: none existed).</param>
/// <param name="Report">The report last posted.</param>
/// <param name="UpdatedAt">When the record was written.</param>
public sealed record PullRequestRecord(
    int Number,
    string Model,
    string State,
    string HeadSha,
    string? DataCommit,
    string? CandidateRun,
    int? ComparedChampion,
    PullRequestReport Report,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Synced, not merged or closed.</summary>
    public const string Open = "open";

    /// <summary>Merged into main.</summary>
    public const string Merged = "merged";

    /// <summary>Closed without merging.</summary>
    public const string Closed = "closed";
}
