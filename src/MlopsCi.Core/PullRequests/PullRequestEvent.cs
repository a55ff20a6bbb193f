namespace MlopsCi.Core.PullRequests;

/// <summary>
/// The workflow's triggering event, reduced to what the pull-request lifecycle needs; the code host's adapter reads it
/// from the host's payload (on GitHub, <c>MlopsCi.GitHub.Events.GitHubEventParser</c>). Pull-request fields are null
/// for events that are not about a pull request.
/// </summary>
/// <param name="Name">The event name as the host names it (on GitHub <c>GITHUB_EVENT_NAME</c>), e.g. <c>pull_request</c>, <c>pull_request_review</c>.</param>
/// <param name="Action">The payload's <c>action</c>, e.g. <c>opened</c>, <c>synchronize</c>, <c>submitted</c>.</param>
/// <param name="RepositoryFullName">The base repository, <c>owner/name</c>.</param>
/// <param name="PullRequestNumber">The pull request number.</param>
/// <param name="HeadSha">The pull request's head commit when the event fired.</param>
/// <param name="HeadRef">The source branch.</param>
/// <param name="BaseRef">The target branch.</param>
/// <param name="PullRequestState">The pull request's state, <c>open</c> or <c>closed</c>.</param>
/// <param name="Merged">Whether the pull request is merged.</param>
/// <param name="IsFork">Whether the source branch lives in another repository (or in a deleted one).</param>
/// <param name="Review">The submitted or dismissed review of a <c>pull_request_review</c> event.</param>
public sealed record PullRequestEvent(
    string Name,
    string? Action,
    string? RepositoryFullName,
    int? PullRequestNumber,
    string? HeadSha,
    string? HeadRef,
    string? BaseRef,
    string? PullRequestState,
    bool Merged,
    bool IsFork,
    PullRequestReview? Review)
{
    /// <summary>Whether the event is about a pull request.</summary>
    public bool IsPullRequestEvent => PullRequestNumber is not null;
}
