namespace MlopsCi.Core.PullRequests;

/// <summary>
/// The pull-request port: what the PR lifecycle needs from the code host (GitHub, GitHub Enterprise).
/// Failures are <see cref="PullRequestHostException"/>s; a missing permission is a
/// <see cref="PullRequestPermissionException"/> so a caller can fall back (e.g. to the step summary on fork PRs).
/// </summary>
public interface IPullRequestHost
{
    /// <summary>Reads one pull request of the repository.</summary>
    Task<PullRequestInfo> GetPullRequestAsync(int number, CancellationToken cancellationToken);

    /// <summary>
    /// A file of the code repository at a commit (the contents API), as text; null when the commit has no such file.
    /// The lifecycle reads the base branch's mlops.yml this way: the destination's rules decide, not the pull request's.
    /// </summary>
    Task<string?> GetFileAsync(string path, string gitRef, CancellationToken cancellationToken);

    /// <summary>
    /// Compares two git commits or branches (<c>GET /repos/{owner}/{repo}/compare/{base}...{head}</c>): their merge base
    /// and whether head is ahead of base. Null when the host knows no common history (an unknown commit, no common
    /// ancestor). The data branch of a pull request starts from the data of this merge base, as git's diff does.
    /// </summary>
    Task<GitComparison?> CompareAsync(string baseRef, string headRef, CancellationToken cancellationToken);

    /// <summary>Lists every review of a pull request (all pages), in the order the host returns them.</summary>
    Task<IReadOnlyList<PullRequestReview>> ListReviewsAsync(int number, CancellationToken cancellationToken);

    /// <summary>
    /// Edits the pull request's comment that contains <paramref name="marker"/> (searching every page of comments),
    /// or creates it when there is none. The marker is prepended to <paramref name="body"/> when the body lacks it,
    /// so the next call finds the same comment.
    /// </summary>
    Task<CommentRef> UpsertCommentAsync(int number, string marker, string body, CancellationToken cancellationToken);

    /// <summary>
    /// Sets a commit status on <paramref name="sha"/> under <paramref name="context"/>.
    /// A description longer than <see cref="PullRequestLimits.MaxDescriptionLength"/> characters is shortened.
    /// </summary>
    Task SetCommitStatusAsync(
        string sha,
        string context,
        CommitStatusState state,
        string description,
        Uri? targetUrl,
        CancellationToken cancellationToken);
}
