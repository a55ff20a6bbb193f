using System.Collections.Concurrent;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Reads and writes the two-level tree (metarange → ranges → entries). Ranges and metaranges are immutable, so they
/// are cached by id. Every operation touches only the ranges around what changed; new trees are written by a
/// <see cref="TreeWriter"/>.
/// </summary>
internal sealed partial class TreeStore(IObjectStore store)
{
    private readonly IObjectStore _store = store;
    private readonly ConcurrentDictionary<string, Entry[]> _ranges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Metarange> _metaranges = new(StringComparer.Ordinal);

    public async Task<Metarange> LoadMetarangeAsync(string id, CancellationToken cancellationToken)
    {
        if (_metaranges.TryGetValue(id, out var cached))
            return cached;
        var bytes = await _store.TryReadAllAsync(StoreLayout.MetarangeKey(id), cancellationToken)
            ?? throw new CorruptionException($"Metarange {id} is missing from {_store.Location}; run 'mlops data fsck'.", [StoreLayout.MetarangeKey(id)]);
        StoredObjects.Verify(_store, StoreLayout.MetarangeKey(id), id, bytes);
        var metarange = StoredObjects.Parse(_store, StoreLayout.MetarangeKey(id), bytes, Metarange.Parse);
        _metaranges[id] = metarange;
        return metarange;
    }

    public async Task<string> SaveMetarangeAsync(Metarange metarange, CancellationToken cancellationToken)
    {
        var bytes = metarange.ToBytes();
        var id = Hashing.Sha256Hex(bytes);
        // Written (or refreshed) even when cached: a commit must not rely on an object gc may be about to remove.
        await _store.PutOrRefreshAsync(StoreLayout.MetarangeKey(id), bytes, cancellationToken);
        _metaranges[id] = metarange;

        return id;
    }

    public async Task<Entry[]> LoadRangeAsync(string id, CancellationToken cancellationToken)
    {
        if (_ranges.TryGetValue(id, out var cached))
            return cached;
        var bytes = await _store.TryReadAllAsync(StoreLayout.RangeKey(id), cancellationToken)
            ?? throw new CorruptionException($"Range {id} is missing from {_store.Location}; run 'mlops data fsck'.", [StoreLayout.RangeKey(id)]);
        StoredObjects.Verify(_store, StoreLayout.RangeKey(id), id, bytes);
        var entries = StoredObjects.Parse(_store, StoreLayout.RangeKey(id), bytes, RangeFormat.Parse);
        if (_ranges.Count > 4096)
            _ranges.Clear();
        _ranges[id] = entries;
        return entries;
    }

    /// <summary>Writes a range of sorted entries (or refreshes it when stored already) and caches it.</summary>
    public async Task<RangeRef> SaveRangeAsync(Entry[] entries, CancellationToken cancellationToken)
    {
        var bytes = RangeFormat.Write(entries, 0, entries.Length);
        var id = Hashing.Sha256Hex(bytes);
        // Written (or refreshed) even when cached: a commit must not rely on an object gc may be about to remove.
        await _store.PutOrRefreshAsync(StoreLayout.RangeKey(id), bytes, cancellationToken);
        _ranges.TryAdd(id, entries);
        return new RangeRef(id, entries[0].Path, entries[^1].Path, entries.Length, entries.Sum(e => e.Size));
    }

    /// <summary>Applies sorted, distinct changes to a tree (see <see cref="TreeWriter"/>).</summary>
    public Task<Metarange> ApplyAsync(Metarange tree, IReadOnlyList<Change> changes, CancellationToken cancellationToken) =>
        new TreeWriter(this).ApplyAsync(tree, changes, cancellationToken);

    /// <summary>Builds a tree from entries already sorted by path.</summary>
    public Task<Metarange> BuildAsync(IEnumerable<Entry> sortedEntries, CancellationToken cancellationToken) =>
        new TreeWriter(this).BuildAsync(sortedEntries, cancellationToken);

    /// <summary>All entries whose path starts with <paramref name="prefix"/>, in path order, loading only ranges that can hold them.</summary>
    public async IAsyncEnumerable<Entry> EnumerateAsync(Metarange tree, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var range in tree.Ranges)
        {
            if (string.CompareOrdinal(range.Last, prefix) < 0)
                continue;
            if (string.CompareOrdinal(range.First, prefix) > 0 && !range.First.StartsWith(prefix, StringComparison.Ordinal))
                yield break;
            foreach (var entry in await LoadRangeAsync(range.Id, cancellationToken))
            {
                if (entry.Path.StartsWith(prefix, StringComparison.Ordinal))
                    yield return entry;
                else if (string.CompareOrdinal(entry.Path, prefix) > 0)
                    yield break;
            }
        }
    }

    /// <summary>Finds one path, or null: a binary search over the ranges, then within the one range that can hold it.</summary>
    public async Task<Entry?> FindAsync(Metarange tree, string path, CancellationToken cancellationToken)
    {
        var ranges = tree.Ranges;
        int low = 0, high = ranges.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(ranges[mid].Last, path) < 0)
                low = mid + 1;
            else
                high = mid - 1;
        }

        if (low == ranges.Count || string.CompareOrdinal(ranges[low].First, path) > 0)
            return null;
        var entries = await LoadRangeAsync(ranges[low].Id, cancellationToken);
        var index = Array.BinarySearch(entries, new Entry(path, "", 0), EntryPathComparer.Instance);
        return index >= 0 ? entries[index] : null;
    }
}

/// <summary>Orders entries by path, ordinal.</summary>
internal sealed class EntryPathComparer : IComparer<Entry>
{
    public static EntryPathComparer Instance { get; } = new();

    public int Compare(Entry? x, Entry? y) => string.CompareOrdinal(x?.Path, y?.Path);
}
