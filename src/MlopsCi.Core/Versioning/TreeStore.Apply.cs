namespace MlopsCi.Core.Versioning;

internal sealed partial class TreeStore
{
    /// <summary>
    /// Applies sorted, distinct changes to a tree. Untouched ranges are reused as they are; touched ones are merged
    /// with their changes and re-chunked, continuing into the next range until a boundary lines up again.
    /// </summary>
    public async Task<Metarange> ApplyAsync(Metarange tree, IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
            return tree;
        var writer = new RangeWriter(this);
        var ranges = tree.Ranges;
        var next = 0;
        for (var r = 0; r < ranges.Count; r++)
        {
            var range = ranges[r];
            var isLast = r == ranges.Count - 1;
            var touched = next < changes.Count && (isLast || string.CompareOrdinal(changes[next].Path, range.Last) <= 0);
            if (!touched && writer.IsIdle)
            {
                writer.Reuse(range);
                continue;
            }

            var entries = await LoadRangeAsync(range.Id, cancellationToken);
            var end = next;
            while (end < changes.Count && (isLast || string.CompareOrdinal(changes[end].Path, range.Last) <= 0))
                end++;
            await MergeAsync(writer, entries, changes, next, end, cancellationToken);
            next = end;
        }

        await MergeAsync(writer, [], changes, next, changes.Count, cancellationToken);
        return await writer.FinishAsync(cancellationToken);
    }

    private static async Task MergeAsync(RangeWriter writer, Entry[] entries, IReadOnlyList<Change> changes, int from, int to, CancellationToken cancellationToken)
    {
        var i = 0;
        var c = from;
        while (i < entries.Length || c < to)
        {
            var order = i == entries.Length ? 1 : c == to ? -1 : string.CompareOrdinal(entries[i].Path, changes[c].Path);
            if (order < 0)
            {
                await writer.AddAsync(entries[i++], cancellationToken);
                continue;
            }

            if (changes[c].Entry is { } put)
                await writer.AddAsync(put, cancellationToken);
            if (order == 0)
                i++;
            c++;
        }
    }

    /// <summary>Builds a tree from entries already sorted by path.</summary>
    public async Task<Metarange> BuildAsync(IEnumerable<Entry> sortedEntries, CancellationToken cancellationToken)
    {
        var writer = new RangeWriter(this);
        foreach (var entry in sortedEntries)
            await writer.AddAsync(entry, cancellationToken);
        return await writer.FinishAsync(cancellationToken);
    }

    /// <summary>Accumulates entries and cuts ranges at content-defined boundaries.</summary>
    private sealed class RangeWriter(TreeStore owner)
    {
        private readonly List<RangeRef> _result = [];
        private readonly List<Entry> _pending = [];

        public bool IsIdle => _pending.Count == 0;

        public void Reuse(RangeRef range) => _result.Add(range);

        public async Task AddAsync(Entry entry, CancellationToken cancellationToken)
        {
            _pending.Add(entry);
            if (_pending.Count >= Chunker.MaxSize || Chunker.IsBoundary(entry.Path))
                await FlushAsync(cancellationToken);
        }

        public async Task<Metarange> FinishAsync(CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken);
            return new Metarange([.. _result]);
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_pending.Count == 0)
                return;
            var bytes = RangeFormat.Write(_pending, 0, _pending.Count);
            var id = Storage.Hashing.Sha256Hex(bytes);
            // Written (or refreshed) even when cached: a commit must not rely on an object gc may be about to remove.
            await owner._store.PutOrRefreshAsync(RangeKey(id), bytes, cancellationToken);
            owner._ranges.TryAdd(id, [.. _pending]);

            _result.Add(new RangeRef(id, _pending[0].Path, _pending[^1].Path, _pending.Count, _pending.Sum(e => e.Size)));
            _pending.Clear();
        }
    }
}
