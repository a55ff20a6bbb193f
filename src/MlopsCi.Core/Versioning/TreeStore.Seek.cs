namespace MlopsCi.Core.Versioning;

internal sealed partial class TreeStore
{
    /// <summary>
    /// Entries under <paramref name="prefix"/> whose path is at or after <paramref name="from"/>, in path order: a binary
    /// search finds the first range that can hold <paramref name="from"/>, so a page deep in a big tree costs what the
    /// first page does.
    /// </summary>
    public async IAsyncEnumerable<Entry> EnumerateFromAsync(Metarange tree, string prefix, string from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = string.CompareOrdinal(from, prefix) > 0 ? from : prefix;
        var ranges = tree.Ranges;
        int low = 0, high = ranges.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (string.CompareOrdinal(ranges[mid].Last, start) < 0)
                low = mid + 1;
            else
                high = mid - 1;
        }

        for (var i = low; i < ranges.Count; i++)
        {
            if (string.CompareOrdinal(ranges[i].First, prefix) > 0 && !ranges[i].First.StartsWith(prefix, StringComparison.Ordinal))
                yield break;
            var entries = await LoadRangeAsync(ranges[i].Id, cancellationToken);
            var index = i == low ? Array.BinarySearch(entries, new Entry(start, "", 0), EntryPathComparer.Instance) : 0;
            for (var j = index < 0 ? ~index : index; j < entries.Length; j++)
            {
                var path = entries[j].Path;
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                    yield return entries[j];
                else if (string.CompareOrdinal(path, prefix) > 0)
                    yield break;
            }
        }
    }
}
