using System.Collections.Concurrent;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Everything a branch or tag reaches: commits, metaranges, ranges and blobs (each blob with one path that uses it), found
/// by walking from every ref. What cannot be read (missing, corrupt when verifying, malformed) is a problem, and the walk
/// goes on: one bad object does not hide the rest of the repository.
/// </summary>
internal sealed class ReachableObjects
{
    private ReachableObjects()
    {
    }

    public HashSet<string> Commits { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Metaranges { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Ranges { get; } = new(StringComparer.Ordinal);

    /// <summary>Blob hash → a path that uses it.</summary>
    public ConcurrentDictionary<string, string> Blobs { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys of everything reached.</summary>
    public HashSet<string> Keys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        keys.UnionWith(Commits.Select(StoreLayout.CommitKey));
        keys.UnionWith(Metaranges.Select(StoreLayout.MetarangeKey));
        keys.UnionWith(Ranges.Select(StoreLayout.RangeKey));
        keys.UnionWith(Blobs.Keys.Select(StoreLayout.BlobKey));
        return keys;
    }

    /// <summary>Walks from every branch and tag; <paramref name="verify"/> also hashes each commit, metarange and range.</summary>
    public static async Task<ReachableObjects> MarkAsync(IObjectStore store, IRefStore refs, ConcurrentBag<string> problems, bool verify, CancellationToken cancellationToken)
    {
        var reach = new ReachableObjects();
        var pending = new Stack<string>();
        var refProblems = new List<string>();
        foreach (var (_, branch) in await refs.ListBranchesAsync(refProblems, cancellationToken))
            pending.Push(branch.Commit);
        foreach (var (_, commit) in await refs.ListTagsAsync(refProblems, cancellationToken))
            pending.Push(commit);
        refProblems.ForEach(problems.Add);
        while (pending.TryPop(out var id))
        {
            if (!reach.Commits.Add(id))
                continue;
            var key = StoreLayout.CommitKey(id);
            if (await ReadAsync(store, key, id, "commit", problems, verify, b => Commit.Parse(id, b), cancellationToken) is not { } commit)
                continue;
            foreach (var parent in commit.Parents)
                pending.Push(parent);
            if (reach.Metaranges.Add(commit.Metarange))
                await reach.MarkTreeAsync(store, commit.Metarange, problems, verify, cancellationToken);
        }

        return reach;
    }

    private async Task MarkTreeAsync(IObjectStore store, string metarangeId, ConcurrentBag<string> problems, bool verify, CancellationToken cancellationToken)
    {
        var metarange = await ReadAsync(store, StoreLayout.MetarangeKey(metarangeId), metarangeId, "metarange", problems, verify, Metarange.Parse, cancellationToken);
        foreach (var range in metarange?.Ranges ?? [])
        {
            if (!Ranges.Add(range.Id))
                continue;
            var entries = await ReadAsync(store, StoreLayout.RangeKey(range.Id), range.Id, "range", problems, verify, RangeFormat.Parse, cancellationToken);
            foreach (var entry in entries ?? [])
                Blobs.TryAdd(entry.Hash, entry.Path);
        }
    }

    // Missing, corrupt (hash differs from the id, when verifying) or malformed: a problem, and null.
    private static async Task<T?> ReadAsync<T>(IObjectStore store, string key, string id, string kind, ConcurrentBag<string> problems, bool verify, Func<byte[], T> parse, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await store.TryReadAllAsync(key, cancellationToken);
        if (bytes is null || (verify && Hashing.Sha256Hex(bytes) != id))
        {
            problems.Add($"{(bytes is null ? "missing" : "corrupt")} {kind} {key}");
            return null;
        }

        if (StoredObjects.TryParse(key, bytes, parse, out var parsed) is { } malformed)
        {
            problems.Add(malformed);
            return null;
        }

        return parsed;
    }
}
