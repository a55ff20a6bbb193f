namespace MlopsCi.Core.PullRequests;

/// <summary>A pull request as the lifecycle needs it.</summary>
/// <param name="Number">The pull request number.</param>
/// <param name="Title">Its title.</param>
/// <param name="HeadSha">The commit at the head of the source branch.</param>
/// <param name="HeadRef">The source branch name.</param>
/// <param name="BaseRef">The target branch name.</param>
/// <param name="State">The host's state, lower case: <c>open</c> or <c>closed</c>.</param>
/// <param name="Merged">Whether it has been merged.</param>
/// <param name="Author">The author's login.</param>
/// <param name="IsFork">Whether the source branch lives in another repository (tokens there are read-only).</param>
/// <param name="HtmlUrl">The pull request's web page.</param>
/// <param name="BaseSha">The commit at the head of the target branch (when the host says).</param>
public sealed record PullRequestInfo(
    int Number,
    string Title,
    string HeadSha,
    string HeadRef,
    string BaseRef,
    string State,
    bool Merged,
    string Author,
    bool IsFork,
    Uri HtmlUrl,
    string? BaseSha = null);
