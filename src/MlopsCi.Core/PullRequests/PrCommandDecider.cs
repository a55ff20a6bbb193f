using System.Globalization;

namespace MlopsCi.Core.PullRequests;

/// <summary>
/// Maps the triggering event to the lifecycle command: opened/synchronize/reopened → sync; closed and merged → merge;
/// closed unmerged → close; an approval at the head commit that satisfies <see cref="ApprovalPolicy"/> → merge;
/// anything else → none, with the reason.
/// </summary>
public static class PrCommandDecider
{
    private static readonly string[] SyncActions = ["opened", "synchronize", "reopened", "ready_for_review"];

    /// <summary>Decides the command for <paramref name="gitHubEvent"/>.</summary>
    /// <param name="gitHubEvent">The triggering event.</param>
    /// <param name="reviews">
    /// The pull request's reviews (<see cref="IPullRequestHost.ListReviewsAsync"/>); needed when more than one approval
    /// is required. When null, only the event's own review is counted.
    /// </param>
    /// <param name="requiredApprovals">How many reviewers must approve the head commit before a merge.</param>
    public static PrCommandDecision Decide(
        PullRequestEvent gitHubEvent,
        IReadOnlyList<PullRequestReview>? reviews = null,
        int requiredApprovals = 1)
    {
        ArgumentNullException.ThrowIfNull(gitHubEvent);
        var number = gitHubEvent.PullRequestNumber;
        if (number is null)
        {
            return new(PrCommand.None, null, $"Event '{gitHubEvent.Name}' is not about a pull request; nothing to do.");
        }

        var what = $"pull request #{number.Value.ToString(CultureInfo.InvariantCulture)}";
        return gitHubEvent.Name switch
        {
            "pull_request" or "pull_request_target" => DecidePullRequest(gitHubEvent, number.Value, what),
            "pull_request_review" => DecideReview(gitHubEvent, number.Value, what, reviews, requiredApprovals),
            _ => new(PrCommand.None, number, $"Event '{gitHubEvent.Name}' on {what} does not drive the lifecycle; nothing to do."),
        };
    }

    private static PrCommandDecision DecidePullRequest(PullRequestEvent e, int number, string what)
    {
        if (e.Action is not null && SyncActions.Contains(e.Action, StringComparer.Ordinal))
        {
            return new(PrCommand.Sync, number, $"{what} was {e.Action}: sync the data branch and report.");
        }

        if (e.Action == "closed")
        {
            return e.Merged
                ? new(PrCommand.Merge, number, $"{what} was merged: merge its data branch and promote the model.")
                : new(PrCommand.Close, number, $"{what} was closed without merging: delete its data branch.");
        }

        return new(PrCommand.None, number, $"Action '{e.Action ?? "(none)"}' on {what} needs no lifecycle step.");
    }

    private static PrCommandDecision DecideReview(
        PullRequestEvent e, int number, string what, IReadOnlyList<PullRequestReview>? reviews, int requiredApprovals)
    {
        if (e.Review is not { } review || e.Action != "submitted")
        {
            return new(PrCommand.None, number, $"Review {e.Action ?? "event"} on {what} cannot approve a merge; nothing to do.");
        }

        if (!string.Equals(review.State, ReviewStates.Approved, StringComparison.OrdinalIgnoreCase))
        {
            return new(PrCommand.None, number, $"{review.User}'s review of {what} is '{review.State}', not an approval; nothing to do.");
        }

        if (!string.Equals(e.PullRequestState, "open", StringComparison.OrdinalIgnoreCase) || e.Merged)
        {
            return new(PrCommand.None, number, $"{what} is no longer open; its close or merge event drives the lifecycle.");
        }

        if (string.IsNullOrEmpty(e.HeadSha))
        {
            return new(PrCommand.None, number, $"The event does not name the head commit of {what}; cannot check the approval.");
        }

        var all = (reviews ?? []).Where(r => r.Id != review.Id).Append(review);
        var result = ApprovalPolicy.Evaluate(all, e.HeadSha, requiredApprovals);
        return result.Approved
            ? new(PrCommand.Merge, number, $"{what} is approved: {result.Reason}.")
            : new(PrCommand.None, number, $"{what} is not approved yet: {result.Reason}.");
    }
}
