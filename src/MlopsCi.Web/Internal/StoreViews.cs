using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Web.Internal;

/// <summary>
/// The data behind every page and API route, read through Core: the repository's refs, history, trees, files and diffs
/// here, the records kept beside the data (runs, registry, monitoring, hooks, pull requests) in <see cref="Records"/>.
/// One instance lives as long as the server, so the repository's range cache serves later pages.
/// </summary>
internal sealed partial class StoreViews(Repository repository, IReadOnlyList<ITableReader> extraReaders, TableKeys keys)
{
    public const int LogPageSize = 50;
    public const int TreePageSize = 1000;
    public const int DiffPageSize = 1000;

    private readonly IReadOnlyList<ITableReader> _readers = [.. TableFormats.BuiltInReaders, .. extraReaders];
    private readonly IReadOnlyList<ITableReader> _extraReaders = extraReaders;
    private readonly TableKeys _keys = keys;

    public Repository Repository { get; } = repository;

    public RecordViews Records { get; } = new(repository.Store);

    public async Task<RefsView> RefsAsync(CancellationToken cancellationToken)
    {
        var branches = new List<BranchView>();
        foreach (var (name, head) in await Repository.ListBranchesAsync(cancellationToken))
        {
            var commit = await Repository.GetCommitAsync(head.Commit, cancellationToken);
            branches.Add(new BranchView(name, head.Commit, head.Protected, head.Version, commit.Time, FirstLine(commit.Message), GitSha(commit)));
        }

        var tags = new List<TagView>();
        foreach (var (name, id) in await Repository.ListTagsAsync(cancellationToken))
        {
            var commit = await Repository.GetCommitAsync(id, cancellationToken);
            tags.Add(new TagView(name, id, commit.Time, FirstLine(commit.Message)));
        }

        var store = Repository.Store.Location;
        return new RefsView(store, Repository.Info.DefaultBranch, branches, tags);
    }

    public async Task<LogView> LogAsync(string reference, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(0, page);
        var commits = await Repository.LogAsync(reference, ((page + 1) * LogPageSize) + 1, cancellationToken);
        var shown = commits.Skip(page * LogPageSize).Take(LogPageSize).Select(Summary).ToList();
        return new LogView(reference, page, LogPageSize, shown, commits.Count > (page + 1) * LogPageSize);
    }

    public async Task<CommitView> CommitAsync(string reference, CancellationToken cancellationToken)
    {
        var commit = await Repository.ResolveAsync(reference, cancellationToken);
        var tree = await Repository.GetTreeAsync(commit, cancellationToken);
        DiffView? diff = null;
        if (commit.Parents.Count > 0)
            diff = await DiffAsync(commit.Parents[0], commit.Id, null, cancellationToken);
        return new CommitView(commit.Id, commit.Message, commit.Author, commit.Time, commit.Parents, GitSha(commit), commit.Metadata, commit.Generation, tree.EntryCount, tree.TotalBytes, diff);
    }

    internal static CommitSummary Summary(Commit commit) =>
        new(commit.Id, FirstLine(commit.Message), commit.Author, commit.Time, commit.Parents, GitSha(commit));

    // The PR flow records the git commit of a data commit under "git-sha".
    private static string? GitSha(Commit commit) => commit.Metadata.TryGetValue(RunTags.GitSha, out var sha) ? sha : null;

    private static string FirstLine(string message) => message.Split('\n', 2)[0];
}
