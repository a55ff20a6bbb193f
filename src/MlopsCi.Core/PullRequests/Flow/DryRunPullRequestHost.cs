using System.Collections.Concurrent;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// A code host that calls nothing: the comment is written to <paramref name="reportPath"/> (replaced on each update),
/// statuses are kept in <see cref="Statuses"/> and logged, and the pull request and reviews are the ones given. Lets
/// the whole lifecycle run locally (<c>--dry-run</c>, <c>mlops demo</c>).
/// </summary>
public sealed class DryRunPullRequestHost(PullRequestInfo pullRequest, IReadOnlyList<PullRequestReview> reviews, string reportPath, Action<string>? log = null) : IPullRequestHost
{
    private readonly ConcurrentQueue<(string Sha, string Context, CommitStatusState State, string Description)> _statuses = new();

    /// <summary>The pull request served; replace it to simulate a push or an approval.</summary>
    public PullRequestInfo PullRequest { get; set; } = pullRequest;

    /// <summary>The reviews served.</summary>
    public IReadOnlyList<PullRequestReview> Reviews { get; set; } = reviews;

    /// <summary>Every status set, in order.</summary>
    public IReadOnlyList<(string Sha, string Context, CommitStatusState State, string Description)> Statuses => [.. _statuses];

    /// <inheritdoc />
    public Task<PullRequestInfo> GetPullRequestAsync(int number, CancellationToken cancellationToken) => Task.FromResult(PullRequest with { Number = number });

    /// <summary>Files of the code repository served, by path and commit; none by default.</summary>
    public IDictionary<(string Path, string GitRef), string> Files { get; } = new Dictionary<(string Path, string GitRef), string>();

    /// <inheritdoc />
    public Task<string?> GetFileAsync(string path, string gitRef, CancellationToken cancellationToken) => Task.FromResult(Files.TryGetValue((path, gitRef), out var text) ? text : null);

    /// <summary>Git comparisons served, by base and head; none by default (no git history known: the data branch starts from main's head).</summary>
    public IDictionary<(string Base, string Head), GitComparison> Comparisons { get; } = new Dictionary<(string Base, string Head), GitComparison>();

    /// <inheritdoc />
    public Task<GitComparison?> CompareAsync(string baseRef, string headRef, CancellationToken cancellationToken) =>
        Task.FromResult(Comparisons.TryGetValue((baseRef, headRef), out var comparison) ? comparison : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<PullRequestReview>> ListReviewsAsync(int number, CancellationToken cancellationToken) => Task.FromResult(Reviews);

    /// <inheritdoc />
    public async Task<CommentRef> UpsertCommentAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(reportPath);
        var created = !File.Exists(full);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, body.Contains(marker, StringComparison.Ordinal) ? body : marker + "\n" + body, cancellationToken);
        return new CommentRef(1, new Uri(full), created);
    }

    /// <inheritdoc />
    public Task SetCommitStatusAsync(string sha, string context, CommitStatusState state, string description, Uri? targetUrl, CancellationToken cancellationToken)
    {
        _statuses.Enqueue((sha, context, state, PullRequestLimits.ShortenDescription(description)));
        log?.Invoke($"(dry run) commit status {context} = {state.ToString().ToLowerInvariant()} on {sha[..Math.Min(7, sha.Length)]}: {description}");
        return Task.CompletedTask;
    }
}
