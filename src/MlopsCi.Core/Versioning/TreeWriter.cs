namespace MlopsCi.Core.Versioning;

/// <summary>
/// Writes one new tree: either from an old tree and sorted changes (untouched ranges reused as they are, touched ones
/// merged with their changes and re-chunked until a boundary lines up again) or from sorted entries. Ranges are cut at
/// content-defined boundaries (<see cref="Chunker"/>), so the same entries always make the same ranges.
/// One instance per tree written.
/// </summary>
internal sealed class TreeWriter(TreeStore trees)
{
    private readonly List<RangeRef> _result = [];
    private readonly List<Entry> _pending = [];

    /// <summary>Applies sorted, distinct changes to <paramref name="tree"/>.</summary>
    public async Task<Metarange> ApplyAsync(Metarange tree, IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
            return tree;
        var ranges = tree.Ranges;
        var next = 0;
        for (var r = 0; r < ranges.Count; r++)
        {
            var range = ranges[r];
            var isLast = r == ranges.Count - 1;
            var touched = next < changes.Count && (isLast || string.CompareOrdinal(changes[next].Path, range.Last) <= 0);
            if (!touched && _pending.Count == 0)
            {
                _result.Add(range);
                continue;
            }

            var entries = await trees.LoadRangeAsync(range.Id, cancellationToken);
            var end = next;
            while (end < changes.Count && (isLast || string.CompareOrdinal(changes[end].Path, range.Last) <= 0))
                end++;
            await MergeAsync(entries, changes, next, end, cancellationToken);
            next = end;
        }

        await MergeAsync([], changes, next, changes.Count, cancellationToken);
        return await FinishAsync(cancellationToken);
    }

    /// <summary>Builds a tree from entries already sorted by path.</summary>
    public async Task<Metarange> BuildAsync(IEnumerable<Entry> sortedEntries, CancellationToken cancellationToken)
    {
        foreach (var entry in sortedEntries)
            await AddAsync(entry, cancellationToken);
        return await FinishAsync(cancellationToken);
    }

    private async Task MergeAsync(Entry[] entries, IReadOnlyList<Change> changes, int from, int to, CancellationToken cancellationToken)
    {
        var i = 0;
        var c = from;
        while (i < entries.Length || c < to)
        {
            var order = i == entries.Length ? 1 : c == to ? -1 : string.CompareOrdinal(entries[i].Path, changes[c].Path);
            if (order < 0)
            {
                await AddAsync(entries[i++], cancellationToken);
                continue;
            }

            if (changes[c].Entry is { } put)
                await AddAsync(put, cancellationToken);
            if (order == 0)
                i++;
            c++;
        }
    }

    private async Task AddAsync(Entry entry, CancellationToken cancellationToken)
    {
        _pending.Add(entry);
        if (_pending.Count >= Chunker.MaxSize || Chunker.IsBoundary(entry.Path))
            await FlushAsync(cancellationToken);
    }

    private async Task<Metarange> FinishAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return new Metarange([.. _result]);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
            return;
        _result.Add(await trees.SaveRangeAsync([.. _pending], cancellationToken));
        _pending.Clear();
    }
}
