namespace MlopsCi.GitHub.Events;

/// <summary>A <c>pull_request_review</c> payload whatever its action (see <see cref="PullRequestPayload"/>).</summary>
internal sealed record PullRequestReviewPayload : Octokit.Webhooks.Events.PullRequestReviewEvent;
