using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Commits in the store (<c>commits/&lt;id&gt;</c>), each read verified against its id, and the trees they point to. A
/// commit is written after its tree and before any ref moves to it, so a crash leaves no ref pointing at nothing.
/// </summary>
internal sealed class CommitStore(IObjectStore store, TreeStore trees, RepositoryOptions options)
{
    /// <summary>Reads a commit by full id.</summary>
    public async Task<Commit> GetAsync(string id, CancellationToken cancellationToken)
    {
        var key = StoreLayout.CommitKey(id);
        var bytes = await store.TryReadAllAsync(key, cancellationToken)
            ?? throw new CorruptionException($"Commit {id} is missing from {store.Location}; run 'mlops data fsck'.", [key]);
        StoredObjects.Verify(store, key, id, bytes);
        return StoredObjects.Parse(store, key, bytes, b => Commit.Parse(id, b));
    }

    /// <summary>The tree of a commit.</summary>
    public Task<Metarange> GetTreeAsync(Commit commit, CancellationToken cancellationToken) =>
        trees.LoadMetarangeAsync(commit.Metarange, cancellationToken);

    /// <summary>Whether a commit of that full id is stored.</summary>
    public Task<bool> ExistsAsync(string id, CancellationToken cancellationToken) =>
        store.ExistsAsync(StoreLayout.CommitKey(id), cancellationToken);

    /// <summary>The ids of stored commits starting with <paramref name="prefix"/>.</summary>
    public async IAsyncEnumerable<string> ListIdsAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var info in store.ListAsync(StoreLayout.CommitKey(prefix), cancellationToken))
            yield return info.Key[StoreLayout.Commits.Length..];
    }

    /// <summary>Writes the tree, then a commit of it by the repository's author at the repository's time.</summary>
    public async Task<Commit> WriteAsync(IReadOnlyList<string> parents, Metarange tree, string message, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        await WriteAsync(parents, tree, message, metadata, await NextGenerationAsync(parents, cancellationToken), cancellationToken);

    /// <summary>Writes the tree, then a commit of it with a given generation (1 for a root commit).</summary>
    public async Task<Commit> WriteAsync(IReadOnlyList<string> parents, Metarange tree, string message, IReadOnlyDictionary<string, string> metadata, int generation, CancellationToken cancellationToken)
    {
        var metarangeId = await trees.SaveMetarangeAsync(tree, cancellationToken);
        var commit = new Commit(parents, metarangeId, message, options.Author, options.Time.GetUtcNow(), metadata, generation).WithId();
        await store.PutOrRefreshAsync(StoreLayout.CommitKey(commit.Id), commit.ToBytes(), cancellationToken);
        return commit;
    }

    private async Task<int> NextGenerationAsync(IReadOnlyList<string> parents, CancellationToken cancellationToken)
    {
        var generation = 0;
        foreach (var parent in parents)
            generation = Math.Max(generation, (await GetAsync(parent, cancellationToken)).Generation);
        return generation + 1;
    }
}
