namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// The merge step of cross-file rules: the first row of each key of one file, looked up in the keys of the files merged
/// before it (in path order); a key seen earlier is one offending row of this file.
/// </summary>
internal static class CrossFile
{
    public static IReadOnlyList<HookFinding> Merge<TKey>(
        ref object? state, string file, IEnumerable<KeyValuePair<TKey, RowRef>> firstRows, int maxSamples, Func<TKey, string> display, Func<long, string> message, string? column, string rule)
        where TKey : notnull
    {
        var seen = state as Dictionary<TKey, (string File, RowRef Row)> ?? [];
        state = seen;
        var samples = new List<RowSample>();
        long count = 0;
        foreach (var (key, row) in firstRows)
        {
            if (seen.TryGetValue(key, out var first))
            {
                if (count++ < maxSamples)
                    samples.Add(row.Sample($"{display(key)}(first in {first.File} row {first.Row.Row:N0})"));
            }
            else
            {
                seen[key] = (file, row);
            }
        }

        return count == 0 ? [] : [new HookFinding(file, column, rule, count, [.. samples.OrderBy(s => s.Row)], message(count))];
    }
}
