namespace MlopsCi.Core.Versioning;

internal sealed partial class TreeStore
{
    /// <summary>
    /// Differences between two trees, sorted by path. Ranges present on both sides hold identical entries (chunking is
    /// canonical), so only the ranges unique to either side are read: the cost follows the change, not the tree.
    /// </summary>
    public async Task<IReadOnlyList<DiffEntry>> DiffAsync(Metarange left, Metarange right, string prefix, CancellationToken cancellationToken)
    {
        var leftIds = left.Ranges.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var rightIds = right.Ranges.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var lefts = await LoadUniqueAsync(left, rightIds, prefix, cancellationToken);
        var rights = await LoadUniqueAsync(right, leftIds, prefix, cancellationToken);
        return [.. DiffSorted(lefts, rights)];
    }

    private async Task<List<Entry>> LoadUniqueAsync(Metarange tree, HashSet<string> otherIds, string prefix, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        foreach (var range in tree.Ranges)
        {
            if (otherIds.Contains(range.Id) || string.CompareOrdinal(range.Last, prefix) < 0)
                continue;
            if (string.CompareOrdinal(range.First, prefix) > 0 && !range.First.StartsWith(prefix, StringComparison.Ordinal))
                break;
            foreach (var entry in await LoadRangeAsync(range.Id, cancellationToken))
            {
                if (entry.Path.StartsWith(prefix, StringComparison.Ordinal))
                    entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>The differences between two lists of entries sorted by path, in path order.</summary>
    public static IEnumerable<DiffEntry> DiffSorted(IReadOnlyList<Entry> left, IReadOnlyList<Entry> right)
    {
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            var order = i == left.Count ? 1 : j == right.Count ? -1 : string.CompareOrdinal(left[i].Path, right[j].Path);
            if (order < 0)
                yield return new DiffEntry(DiffKind.Deleted, left[i].Path, left[i++], null);
            else if (order > 0)
                yield return new DiffEntry(DiffKind.Added, right[j].Path, null, right[j++]);
            else
            {
                if (left[i].Hash != right[j].Hash)
                    yield return new DiffEntry(DiffKind.Modified, left[i].Path, left[i], right[j]);
                i++;
                j++;
            }
        }
    }
}
