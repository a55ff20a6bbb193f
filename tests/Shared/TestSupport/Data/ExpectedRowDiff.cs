namespace MlopsCi.Testing;

/// <summary>
/// The expected keyed row diff computed by the book, independently of the differ under test: rows grouped by key,
/// paired in file order, compared cell by cell.
/// </summary>
public sealed record ExpectedRowDiff(long Added, long Removed, long Modified, IReadOnlyDictionary<string, long> Cells)
{
    /// <summary>Diffs <paramref name="after"/> against <paramref name="before"/> keyed by the columns at <paramref name="key"/>.</summary>
    public static ExpectedRowDiff Compute(string[] header, IReadOnlyList<string[]> before, IReadOnlyList<string[]> after, int[] key)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        string KeyOf(string[] row) => string.Join('\u001f', key.Select(k => row[k]));
        var old = before.GroupBy(KeyOf).ToDictionary(g => g.Key, g => new Queue<string[]>(g));
        long added = 0, modified = 0;
        var cells = new Dictionary<string, long>();
        foreach (var row in after)
        {
            if (!old.TryGetValue(KeyOf(row), out var queue) || queue.Count == 0)
            {
                added++;
                continue;
            }

            var was = queue.Dequeue();
            var changed = Enumerable.Range(0, header.Length).Where(i => !key.Contains(i) && was[i] != row[i]).ToList();
            if (changed.Count > 0)
                modified++;
            foreach (var i in changed)
                cells[header[i]] = cells.GetValueOrDefault(header[i]) + 1;
        }

        return new ExpectedRowDiff(added, old.Values.Sum(q => q.Count), modified, cells);
    }
}
