using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Internal.Checks;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>
/// Runs a <c>leakage</c> hook when a training or evaluation file changed: hashes every row (by key or whole record) of
/// all training files after the change, then looks up every row of all evaluation files; an evaluation row found among
/// the training rows offends, shown with the training row it repeats. Memory: 16 bytes and a file name per training row.
/// </summary>
internal static class LeakageHook
{
    public static async Task RunAsync(
        LeakageRule rule, ValidationContext context, IReadOnlyList<string> changedPaths, TableReaderLookup readers, HookTally tally, int maxSamples, CancellationToken cancellationToken)
    {
        bool Matches(IReadOnlyList<string> globs, string path) => globs.Any(g => Glob.Path(g).IsMatch(path));
        if (!changedPaths.Any(p => Matches(rule.Train, p) || Matches(rule.Eval, p)))
            return;
        var train = new List<Entry>();
        var eval = new List<Entry>();
        await foreach (var entry in context.Repository.ListAsync(context.After, "", cancellationToken))
        {
            if (!HookPaths.IsData(entry.Path))
                continue;
            if (Matches(rule.Eval, entry.Path))
                eval.Add(entry);
            else if (Matches(rule.Train, entry.Path))
                train.Add(entry);
        }

        var seen = new Dictionary<ulong, (string File, RowRef Row)>();
        foreach (var entry in train)
        {
            var rows = await ReadAsync(rule, entry, context.Repository, readers, tally, (hash, row) => seen.TryAdd(hash, (entry.Path, new RowRef(row.Number, row.Line))), cancellationToken);
            tally.Add(1, rows, []);
        }

        var what = rule.Key.Count > 0 ? $"key ({string.Join(", ", rule.Key)})" : "record";
        foreach (var entry in eval)
        {
            var offenders = new Offenders(maxSamples);
            var rows = await ReadAsync(rule, entry, context.Repository, readers, tally, (hash, row) =>
            {
                if (seen.TryGetValue(hash, out var first))
                    offenders.Add(row, $"same {what} as {first.File} row {first.Row.Row:N0}");
            }, cancellationToken);
            var count = offenders.Count;
            tally.Add(1, rows, count == 0 ? [] : [new HookFinding(entry.Path, rule.Key.Count > 0 ? string.Join(", ", rule.Key) : null, rule.Describe(), count, offenders.Samples,
                $"{(count == 1 ? "1 evaluation row appears" : $"{count:N0} evaluation rows appear")} in the training files ({train.Count:N0} file(s), compared by {what})")]);
        }
    }

    /// <summary>Streams one file, handing each row's hash to <paramref name="onRow"/>; an unreadable file or a missing key column is a finding on it.</summary>
    private static async Task<long> ReadAsync(
        LeakageRule rule, Entry entry, Repository repository, TableReaderLookup readers, HookTally tally, Action<ulong, TableRow> onRow, CancellationToken cancellationToken)
    {
        if (readers.For(entry.Path) is not { } reader)
        {
            tally.Add(0, 0, [new HookFinding(entry.Path, null, "a readable table", 0, [], $"cannot be read as a table (format '{TableFormats.Of(entry.Path)}')")]);
            return 0;
        }

        int[]? columns = null;
        var visitor = new RowsVisitor(
            header =>
            {
                var missing = rule.Key.Where(k => !header.Contains(k)).ToList();
                if (missing.Count > 0)
                {
                    tally.Add(0, 0, [new HookFinding(entry.Path, missing[0], "column exists", 0, [], $"there is no key column '{missing[0]}' (columns: {string.Join(", ", header)})")]);
                    return;
                }

                columns = rule.Key.Count > 0 ? [.. rule.Key.Select(k => header.ToList().IndexOf(k))] : RowHash.NameOrder(header);
            },
            row =>
            {
                if (columns is not null)
                    onRow(RowHash.Of(row, columns), row);
            });
        try
        {
            await TableSource.ReadAsync(repository, entry, reader, visitor, cancellationToken);
        }
        catch (Exception e) when (e is InvalidInputException or InvalidDataException)
        {
            tally.Add(0, visitor.Rows, [new HookFinding(entry.Path, null, "a readable table", 0, [], e.Message.TrimEnd('.'))]);
            return 0;
        }

        return visitor.Rows;
    }
}
