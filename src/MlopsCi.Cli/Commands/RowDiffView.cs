using System.Globalization;
using MlopsCi.Core.RowDiffs;

namespace MlopsCi.Cli.Commands;

/// <summary>The text of <c>mlops data diff --rows</c>: per table the counts, changed columns, schema and sample rows with old and new cells.</summary>
internal static class RowDiffView
{
    public static void Write(TextWriter w, IReadOnlyList<RowDiff> diffs, int maxRows)
    {
        if (diffs.Count == 0)
            w.WriteLine("No table differs.");
        foreach (var d in diffs)
        {
            var key = d.Keyed ? $"key ({string.Join(", ", d.Key)})" : "no key";
            w.WriteLine($"{d.Path}  {key}: {N(d.RowsBefore)} → {N(d.RowsAfter)} rows, +{N(d.RowsAdded)} added / −{N(d.RowsRemoved)} removed / ~{N(d.RowsModified)} modified");
            if (d.ChangedColumns.Count > 0)
                w.WriteLine("  cells changed: " + string.Join(", ", d.ChangedColumns.Select(c => $"{c.Column} {N(c.Cells)}")));
            if (d.Schema.Changed)
                w.WriteLine("  schema: " + Schema(d.Schema));
            foreach (var (side, dup) in new[] { ("old", d.DuplicatesBefore), ("new", d.DuplicatesAfter) })
            {
                if (dup is { Rows: > 0 })
                    w.WriteLine($"  duplicate keys: {N(dup.Rows)} row{(dup.Rows == 1 ? "" : "s")} of the {side} version repeat a key (e.g. {string.Join("; ", dup.FirstKeys)}); a key should name one row");
            }

            if (d.Note is not null)
                w.WriteLine("  note: " + d.Note);
            foreach (var row in d.Samples.Take(maxRows))
                w.WriteLine("  " + Row(row));
            if (d.Samples.Count > maxRows)
                w.WriteLine($"  … {d.Samples.Count - maxRows} more sample rows (--max-rows)");
        }
    }

    /// <summary>One sample row: "~ row 4 (date=2012-01-04): weather rain → snow".</summary>
    public static string Row(RowChange row)
    {
        var (sign, number) = row.Kind switch
        {
            RowChangeKind.Added => ("+", row.RowAfter),
            RowChangeKind.Removed => ("−", row.RowBefore),
            _ => ("~", row.RowAfter),
        };
        var key = row.Key.Count == 0 ? "" : $" ({string.Join(", ", row.Key)})";
        var keyColumns = row.Kind == RowChangeKind.Modified ? row.Key.Count : 0;
        var cells = row.Cells.Skip(keyColumns).Select(c => row.Kind switch
        {
            RowChangeKind.Added => $"{c.Column}={V(c.After)}",
            RowChangeKind.Removed => $"{c.Column}={V(c.Before)}",
            _ => $"{c.Column}: {V(c.Before)} → {V(c.After)}",
        });
        return $"{sign} row {N(number ?? 0)}{key}: {string.Join(row.Kind == RowChangeKind.Modified ? "; " : ", ", cells)}";
    }

    public static string Schema(SchemaDiff s) => string.Join(", ", s.Added.Select(c => "+" + c)
        .Concat(s.Removed.Select(c => "−" + c))
        .Concat(s.Renamed.Select(r => $"{r.Before} renamed to {r.After}"))
        .Concat(s.TypeChanged.Select(t => $"{t.Column} {t.Before} → {t.After}")));

    private static string V(string? value) => value ?? "∅";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
