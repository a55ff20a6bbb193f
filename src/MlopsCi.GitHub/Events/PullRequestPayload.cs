namespace MlopsCi.GitHub.Events;

/// <summary>
/// A <c>pull_request</c> (or <c>pull_request_target</c>) payload whatever its action: Octokit.Webhooks picks a type per
/// action it knows and refuses others, and an action GitHub adds later must still reach the lifecycle (which ignores it).
/// </summary>
internal sealed record PullRequestPayload : Octokit.Webhooks.Events.PullRequestEvent;
