using System.Text.Json.Serialization;
using Octokit.Webhooks;
using WebhookPullRequest = Octokit.Webhooks.Models.PullRequestEvent.PullRequest;

namespace MlopsCi.GitHub.Events;

/// <summary>
/// Any other event (push, workflow_dispatch, pull_request_review_comment …): its action and repository, and the pull
/// request when the payload carries one at its root, so <c>mlops pr</c> on such an event still knows which.
/// </summary>
internal sealed record OtherEventPayload : WebhookEvent
{
    [JsonPropertyName("number")]
    public long? Number { get; init; }

    [JsonPropertyName("pull_request")]
    public WebhookPullRequest? PullRequest { get; init; }
}
