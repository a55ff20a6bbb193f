using System.IO.Compression;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.RowDiffs.Internal;

namespace MlopsCi.Core.RowDiffs;

public static partial class RowDiffer
{
    private static async Task SpillAsync(RowDiffInput? input, SpillWriter writer, RowDiffOptions options, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            writer.Complete();
            return;
        }

        var format = TableFormats.Of(input.Path);
        var readers = new TableReaderLookup(options.Readers, options.Dialects);
        var reader = readers.For(input.Path)
            ?? throw new InvalidInputException($"'{input.Path}' is {(format.Length == 0 ? "of no known format" : $"a {format} file")}; row diffs read {string.Join(", ", readers.Formats)} (optionally .gz for text).");
        await using var stream = await input.Open(cancellationToken);
        try
        {
            await using (var content = TableFormats.IsGzip(input.Path) ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null)
                await reader.ReadAsync(content ?? stream, input.Path, writer, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidInputException($"'{input.Path}' is not valid gzip ({e.Message.TrimEnd('.')}).", e);
        }

        writer.Complete();
    }

    /// <summary>Enough partitions that one of them (both sides, decoded keys, index) fits the budget; 64 when sizes are unknown.</summary>
    private static int PartitionCount(RowDiffInput? before, RowDiffInput? after, long budget)
    {
        if (before is { Size: null } || after is { Size: null })
            return UnknownSizePartitions;
        static double Spilled(RowDiffInput? input) => input is null ? 0
            : input.Size!.Value * (TableFormats.Of(input.Path) == "parquet" ? 4.0 : TableFormats.IsGzip(input.Path) ? 5.0 : 1.3);
        var bytes = Math.Max(Spilled(before), Spilled(after));
        var needed = (long)Math.Ceiling(bytes / Math.Max(1 << 20, budget / 4));
        var partitions = 1;
        while (partitions < needed && partitions < MaxPartitions)
            partitions *= 2;
        return partitions;
    }

    private static SchemaDiff SchemaOf(SpillWriter left, SpillWriter right, bool both)
    {
        if (!both)
            return new SchemaDiff([], [], [], []);
        var added = right.Names.Except(left.Names, StringComparer.Ordinal).ToList();
        var removed = left.Names.Except(right.Names, StringComparer.Ordinal).ToList();
        var renamed = new List<ColumnRename>();
        foreach (var old in removed.ToList())
        {
            var a = left.Stats[IndexOf(left.Names, old)];
            var match = added.FirstOrDefault(n => right.Stats[IndexOf(right.Names, n)] is var b && a.Values > 0 && b.Values == a.Values && b.ValueHash == a.ValueHash);
            if (match is null)
                continue;
            renamed.Add(new ColumnRename(old, match));
            removed.Remove(old);
            added.Remove(match);
        }

        var types = new List<ColumnTypeChange>();
        foreach (var name in left.Names.Intersect(right.Names, StringComparer.Ordinal))
        {
            var (a, b) = (left.Stats[IndexOf(left.Names, name)].Kind(), right.Stats[IndexOf(right.Names, name)].Kind());
            if (a is not null && b is not null && a != b)
                types.Add(new ColumnTypeChange(name, a, b));
        }

        return new SchemaDiff(added, removed, renamed, types);
    }

    private static DiffPlan PlanOf(List<string> key, SpillWriter left, SpillWriter right, SchemaDiff schema)
    {
        int[] Match(SpillWriter side) => key.Count > 0
            ? [.. key.Select(k => IndexOf(side.Names, k))]
            : [.. Enumerable.Range(0, side.Names.Count).OrderBy(i => side.Names[i], StringComparer.Ordinal)];
        var compared = left.Names.Where(n => !key.Contains(n, StringComparer.Ordinal) && right.Names.Contains(n, StringComparer.Ordinal))
            .Select(n => new ComparedColumn(n, IndexOf(left.Names, n), IndexOf(right.Names, n)))
            .Concat(schema.Renamed.Where(r => !key.Contains(r.After, StringComparer.Ordinal)).Select(r => new ComparedColumn(r.After, IndexOf(left.Names, r.Before), IndexOf(right.Names, r.After))))
            .ToArray();
        var keyed = key.Count > 0 && left.Names.Count > 0 && right.Names.Count > 0;
        return new DiffPlan(key.Count > 0, key, Match(left), Match(right), keyed ? compared : [], left.Names, right.Names);
    }

    private static RowDiff Result(string path, List<string> key, SpillWriter left, SpillWriter right, SchemaDiff schema, DiffPlan plan, DiffTally tally, bool sameColumns)
    {
        var columns = plan.Compared.Select((c, i) => new ColumnCellChanges(c.Name, tally.CellChanges[i])).Where(c => c.Cells > 0)
            .OrderByDescending(c => c.Cells).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();
        var samples = tally.ModifiedRows.Items().Concat(tally.AddedRows.Items()).Concat(tally.RemovedRows.Items()).ToList();
        DuplicateKeys? Duplicates(long rows, SampleKeeper<string> keys) => key.Count == 0 ? null : new DuplicateKeys(rows, keys.Items());
        var note = key.Count > 0 ? null
            : sameColumns ? "no key: rows are compared as whole records, so a changed row counts as one removed and one added; name a key (--key, or data.keys in mlops.yml) to see modified rows and cells"
            : "no key and the columns changed: rows are compared by count only; name a key (--key, or data.keys in mlops.yml) to compare them";
        return new RowDiff(path, key, left.Rows, right.Rows, tally.Added, tally.Removed, tally.Modified, columns, schema,
            Duplicates(tally.DuplicatesBefore, tally.DuplicateKeysBefore), Duplicates(tally.DuplicatesAfter, tally.DuplicateKeysAfter), samples, note);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }
}
