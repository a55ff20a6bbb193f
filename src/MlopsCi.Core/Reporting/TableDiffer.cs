using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.RowDiffs;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// The report's view of one changed table: <see cref="RowDiffer"/> (keyed or whole-record, streamed through disk
/// partitions, so memory does not grow with the file) mapped onto a <see cref="TableDiff"/> that keeps what the comment
/// and the web UI show — counts, cells per column, the schema diff and a few modified rows with long values shortened.
/// </summary>
internal static class TableDiffer
{
    /// <summary>Longest cell value a sample keeps (the stored report and the comment stay small).</summary>
    public const int MaxSampleValue = 120;

    /// <summary>Whether a repository path is a table the diff reads: CSV/TSV (optionally .gz), or a format of <paramref name="readers"/>.</summary>
    public static bool IsTable(string path, IReadOnlyList<ITableReader> readers)
    {
        var format = TableFormats.Of(path);
        return format is "csv" or "tsv" || (!TableFormats.IsGzip(path) && readers.Any(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Compares <paramref name="before"/> (null: the table is new) with <paramref name="after"/> (null: deleted). A key
    /// that a version lacks falls back to whole records with a note naming the problem.
    /// </summary>
    public static async Task<TableDiff> CompareAsync(RowDiffInput? before, RowDiffInput? after, RowDiffOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return Of(await RowDiffer.CompareAsync(before, after, options, cancellationToken));
        }
        catch (InvalidInputException e) when (options.Key.Count > 0)
        {
            var diff = Of(await RowDiffer.CompareAsync(before, after, options with { Key = [] }, cancellationToken));
            return diff with { Note = $"compared as whole records: {e.Message}" };
        }
    }

    /// <summary>The report's view of a row diff.</summary>
    public static TableDiff Of(RowDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        // The whole-record note is the same for every unkeyed table, so the renderers say it once; only a table whose
        // columns changed (rows compared by count) keeps its own.
        var countOnly = diff.Schema.Added.Count > 0 || diff.Schema.Removed.Count > 0 || diff.Schema.Renamed.Count > 0;
        var note = diff.Keyed || countOnly ? diff.Note : null;
        return new TableDiff(diff.RowsBefore, diff.RowsAfter, diff.RowsAdded, diff.RowsRemoved, diff.Schema.Added, diff.Schema.Removed, diff.Schema.TypeChanged, note)
        {
            Key = diff.Key,
            RowsModified = diff.RowsModified,
            ChangedColumns = diff.ChangedColumns,
            ColumnsRenamed = diff.Schema.Renamed,
            ModifiedSamples = [.. diff.Samples.Where(s => s.Kind == RowChangeKind.Modified).Select(Shorten)],
            DuplicatesAfter = diff.DuplicatesAfter is { Rows: > 0 } d ? d : null,
        };
    }

    private static RowChange Shorten(RowChange row) =>
        row with { Cells = [.. row.Cells.Select(c => c with { Before = Shorten(c.Before), After = Shorten(c.After) })] };

    private static string? Shorten(string? value) =>
        value is null || value.Length <= MaxSampleValue ? value : string.Concat(value.AsSpan(0, MaxSampleValue - 1), "…");
}
