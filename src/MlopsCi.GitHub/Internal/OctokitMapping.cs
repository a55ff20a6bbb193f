using MlopsCi.Core.PullRequests;
using Octokit;

namespace MlopsCi.GitHub.Internal;

internal static class OctokitMapping
{
    public static PullRequestInfo ToInfo(PullRequest pr)
    {
        var headRepo = pr.Head?.Repository?.FullName;
        var baseRepo = pr.Base?.Repository?.FullName;
        return new PullRequestInfo(
            pr.Number,
            pr.Title ?? string.Empty,
            pr.Head?.Sha ?? string.Empty,
            pr.Head?.Ref ?? string.Empty,
            pr.Base?.Ref ?? string.Empty,
            pr.State.StringValue?.ToLowerInvariant() ?? string.Empty,
            pr.Merged,
            pr.User?.Login ?? string.Empty,
            headRepo is null || !string.Equals(headRepo, baseRepo, StringComparison.OrdinalIgnoreCase),
            new Uri(pr.HtmlUrl),
            pr.Base?.Sha);
    }

    public static Core.PullRequests.PullRequestReview ToReview(Octokit.PullRequestReview review) =>
        new(
            review.Id,
            review.User?.Login ?? string.Empty,
            review.State.StringValue ?? string.Empty,
            review.CommitId,
            review.SubmittedAt == default ? null : review.SubmittedAt);

    public static CommitState ToCommitState(CommitStatusState state) => state switch
    {
        CommitStatusState.Pending => CommitState.Pending,
        CommitStatusState.Success => CommitState.Success,
        CommitStatusState.Failure => CommitState.Failure,
        CommitStatusState.Error => CommitState.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown commit status state."),
    };
}
