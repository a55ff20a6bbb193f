using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// A data repository in a store: git-like branches, commits, merges over content-addressed blobs, with no database.
/// Write order is blobs → ranges → metarange → commit → compare-and-swap of the ref, so a crash anywhere leaves
/// every branch where it was.
/// </summary>
public sealed partial class Repository
{
    internal const string InfoKey = "repository.json";
    private readonly TreeStore _trees;

    private Repository(IObjectStore store, RepositoryInfo info, RepositoryOptions options)
    {
        Store = store;
        Info = info;
        Options = options;
        _trees = new TreeStore(store);
    }

    /// <summary>The store the repository lives in.</summary>
    public IObjectStore Store { get; }

    /// <summary>Format and default branch.</summary>
    public RepositoryInfo Info { get; }

    /// <summary>Clock, author and validator.</summary>
    public RepositoryOptions Options { get; }

    /// <summary>Creates a repository with an empty first commit on <paramref name="defaultBranch"/>; returns the existing one if already initialised with the same default branch.</summary>
    public static async Task<(Repository Repository, bool Created)> InitAsync(IObjectStore store, string defaultBranch, RepositoryOptions options, CancellationToken cancellationToken)
    {
        RefNames.Validate(defaultBranch, "branch");
        var info = new RepositoryInfo(RepositoryInfo.CurrentFormat, defaultBranch, options.Time.GetUtcNow());
        var created = await store.PutIfAbsentAsync(InfoKey, info.ToBytes(), cancellationToken);
        var repository = created ? new Repository(store, info, options) : await OpenAsync(store, options, cancellationToken);
        if (!created && repository.Info.DefaultBranch != defaultBranch)
            throw new InvalidInputException($"The repository at {store.Location} already exists with default branch '{repository.Info.DefaultBranch}', not '{defaultBranch}'.");
        if (await repository.TryGetBranchAsync(defaultBranch, cancellationToken) is null)
        {
            var root = await repository.WriteCommitAsync([], Metarange.Empty, "Repository created", new Dictionary<string, string>(), 1, cancellationToken);
            await repository.Store.TryWriteVersionedAsync(BranchKey(defaultBranch), new BranchRef(root.Id, 1, false).ToBytes(), null, cancellationToken);
        }

        return (repository, created);
    }

    /// <summary>Opens an existing repository.</summary>
    public static async Task<Repository> OpenAsync(IObjectStore store, RepositoryOptions options, CancellationToken cancellationToken)
    {
        var bytes = await store.TryReadAllAsync(InfoKey, cancellationToken)
            ?? throw new InvalidInputException($"There is no data repository at {store.Location}. Create one with 'mlops data init', or point --store (or MLOPS_STORE) at an existing one.");
        var info = StoredObjects.Parse(store, InfoKey, bytes, RepositoryInfo.Parse);
        if (info.Format > RepositoryInfo.CurrentFormat)
            throw new InvalidInputException($"The repository at {store.Location} uses storage format {info.Format}; this mlops understands up to {RepositoryInfo.CurrentFormat}. Upgrade mlops.");
        return new Repository(store, info, options);
    }

    /// <summary>Reads a commit by full id.</summary>
    public async Task<Commit> GetCommitAsync(string id, CancellationToken cancellationToken)
    {
        var bytes = await Store.TryReadAllAsync(CommitKey(id), cancellationToken)
            ?? throw new CorruptionException($"Commit {id} is missing from {Store.Location}; run 'mlops data fsck'.", [CommitKey(id)]);
        StoredObjects.Verify(Store, CommitKey(id), id, bytes);
        return StoredObjects.Parse(Store, CommitKey(id), bytes, b => Commit.Parse(id, b));
    }

    /// <summary>The tree of a commit.</summary>
    public Task<Metarange> GetTreeAsync(Commit commit, CancellationToken cancellationToken) => _trees.LoadMetarangeAsync(commit.Metarange, cancellationToken);

    internal static string CommitKey(string id) => "commits/" + id;

    internal static string BranchKey(string name) => "refs/branches/" + name;

    internal static string TagKey(string name) => "refs/tags/" + name;

    internal static string BlobKey(string hash) => $"objects/{hash[..2]}/{hash}";

    private async Task<Commit> WriteCommitAsync(IReadOnlyList<string> parents, Metarange tree, string message, IReadOnlyDictionary<string, string> metadata, int generation, CancellationToken cancellationToken)
    {
        var metarangeId = await _trees.SaveMetarangeAsync(tree, cancellationToken);
        var commit = new Commit(parents, metarangeId, message, Options.Author, Options.Time.GetUtcNow(), metadata, generation).WithId();
        await Store.PutOrRefreshAsync(CommitKey(commit.Id), commit.ToBytes(), cancellationToken);
        return commit;
    }
}
