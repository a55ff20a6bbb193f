using MlopsCi.Core.Specs;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>Which pull request, at which head commit, with which spec; <see cref="WorkDirectory"/> is where <c>data.path</c> and <c>data.prepare</c> run.</summary>
/// <param name="Number">The pull request number.</param>
/// <param name="HeadSha">The pull request's head commit (the candidate is trained "at" it).</param>
/// <param name="Repository">The code repository, owner/name, when known (recorded in runs and the report).</param>
/// <param name="Spec">The parsed mlops.yml.</param>
/// <param name="WorkDirectory">The checkout the spec's relative paths resolve against.</param>
/// <param name="RequiredApprovals">How many reviewers must approve the head commit before a merge.</param>
public sealed record PullRequestContext(int Number, string HeadSha, string? Repository, MlopsSpec Spec, string WorkDirectory, int RequiredApprovals = 1)
{
    /// <summary>The workflow run doing the work (<c>GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID</c>): the commit statuses' target and a link in the comment.</summary>
    public Uri? RunUrl { get; init; }

    /// <summary>
    /// The spec's text and place in the code repository. With it the destination's rules decide (the spec recorded with
    /// the champion's promotion, else the base branch's file); without it, <see cref="Spec"/> does.
    /// </summary>
    public SpecSource? SpecSource { get; init; }

    /// <summary>The pull request's data branch, <c>pr-&lt;number&gt;</c>.</summary>
    public string DataBranch => $"pr-{Number}";
}
