using MlopsCi.Core.PullRequests;
using MlopsCi.GitHub.Internal;
using Octokit;

namespace MlopsCi.GitHub;

/// <summary>
/// <see cref="IPullRequestHost"/> over Octokit, for github.com and GitHub Enterprise Server (<c>GITHUB_API_URL</c>).
/// Errors surface as <see cref="PullRequestHostException"/> or <see cref="PullRequestPermissionException"/>.
/// </summary>
public sealed partial class OctokitPullRequestHost : IPullRequestHost
{
    private const int DefaultPageSize = 100;

    private readonly IGitHubClient client;
    private readonly GitHubHostOptions options;
    private readonly GitHubErrorMapper errors;
    private readonly int pageSize;

    internal OctokitPullRequestHost(IGitHubClient client, GitHubHostOptions options, int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 100);
        this.client = client;
        this.options = options;
        this.pageSize = pageSize;
        errors = new GitHubErrorMapper(options);
    }

    /// <summary>Creates the host for <paramref name="options"/> (token authentication, the API base path kept as given).</summary>
    public static OctokitPullRequestHost Create(GitHubHostOptions options) => Create(options, DefaultPageSize);

    internal static OctokitPullRequestHost Create(GitHubHostOptions options, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OctokitPullRequestHost(GitHubClientFactory.Create(options), options, pageSize);
    }

    /// <inheritdoc />
    public async Task<PullRequestInfo> GetPullRequestAsync(int number, CancellationToken cancellationToken)
    {
        var pr = await CallAsync(
            GitHubOperation.ReadPullRequest(number),
            () => client.PullRequest.Get(options.Owner, options.Name, number),
            cancellationToken);
        return OctokitMapping.ToInfo(pr);
    }

    /// <inheritdoc />
    public async Task<string?> GetFileAsync(string path, string gitRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(gitRef);
        try
        {
            var contents = await CallAsync(
                GitHubOperation.ReadFile(path, gitRef),
                () => client.Repository.Content.GetAllContentsByRef(options.Owner, options.Name, path, gitRef),
                cancellationToken);
            return contents.Count == 1 && contents[0].Type.Value == ContentType.File ? contents[0].Content : null;
        }
        catch (PullRequestHostException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<GitComparison?> CompareAsync(string baseRef, string headRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseRef);
        ArgumentException.ThrowIfNullOrWhiteSpace(headRef);
        try
        {
            var result = await CallAsync(
                GitHubOperation.Compare(baseRef, headRef),
                () => client.Repository.Commit.Compare(options.Owner, options.Name, baseRef, headRef),
                cancellationToken);
            return result.MergeBaseCommit?.Sha is { Length: > 0 } mergeBase ? new GitComparison(mergeBase, result.Status ?? "") : null;
        }
        catch (PullRequestHostException e) when (e.StatusCode == 404)
        {
            // GitHub answers 404 for an unknown commit and for "No common ancestor".
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Core.PullRequests.PullRequestReview>> ListReviewsAsync(
        int number, CancellationToken cancellationToken)
    {
        var reviews = await CallAsync(
            GitHubOperation.ListReviews(number),
            () => client.PullRequest.Review.GetAll(options.Owner, options.Name, number, new ApiOptions { PageSize = pageSize }),
            cancellationToken);
        return [.. reviews.Select(OctokitMapping.ToReview)];
    }

    /// <inheritdoc />
    public async Task SetCommitStatusAsync(
        string sha,
        string context,
        CommitStatusState state,
        string description,
        Uri? targetUrl,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        ArgumentException.ThrowIfNullOrWhiteSpace(context);
        ArgumentNullException.ThrowIfNull(description);
        var status = new NewCommitStatus
        {
            State = OctokitMapping.ToCommitState(state),
            Context = context,
            Description = PullRequestLimits.ShortenDescription(description),
            TargetUrl = targetUrl?.AbsoluteUri,
        };
        await CallAsync(
            GitHubOperation.SetStatus(context, sha),
            () => client.Repository.Status.Create(options.Owner, options.Name, sha, status),
            cancellationToken);
    }

    // Octokit takes no CancellationToken: stop waiting on cancellation or after the timeout (whatever Octokit's own
    // HTTP timeout does), and map failures to our exceptions.
    private async Task<T> CallAsync<T>(GitHubOperation operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await call().WaitAsync(options.Timeout, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && errors.Map(ex, operation) is { } mapped)
        {
            throw mapped;
        }
    }
}
