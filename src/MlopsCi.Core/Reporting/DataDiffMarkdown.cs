using System.Text;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Versioning;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// The comment's data section: per changed file its rows (<c>+a / −r / ~m</c>, modified rows where a key matched them),
/// the most-changed columns, the schema diff, and folded samples of modified rows (old → new), as much as
/// <see cref="RenderLimits"/> allows.
/// </summary>
internal static class DataDiffMarkdown
{
    private const int MaxValue = 40;

    public static void Append(StringBuilder md, DataDiffSection diff, ReportLineage l, RenderLimits limits)
    {
        md.Append($"#### 📦 Data changes — {Code(l.BaseBranch)} {Code(ShortId(diff.BaseCommit))} → {Code(l.DataBranch)} {Code(ShortId(diff.HeadCommit))}\n\n");
        if (diff.Files.Count == 0)
        {
            md.Append($"No data changes: {Code(l.DataBranch)} holds the same data as {Code(l.BaseBranch)}.\n\n");
            return;
        }

        var shown = diff.Files.Take(limits.Files).ToList();
        var keyed = diff.Files.Any(f => f.Table is { Keyed: true });
        var kinds = string.Join(", ", new[] { (DiffKind.Added, "added"), (DiffKind.Modified, "modified"), (DiffKind.Deleted, "deleted") }
            .Select(k => (Count: diff.Files.Count(f => f.Kind == k.Item1), k.Item2)).Where(k => k.Count > 0).Select(k => $"{Count(k.Count)} {k.Item2}"));
        md.Append($"{Plural(diff.Files.Count, "file")} changed ({kinds})");
        if (diff.Files.Any(f => f.Table is not null))
            md.Append($" · **+{Count(diff.RowsAdded)}** / **−{Count(diff.RowsRemoved)}**{(keyed ? $" / **~{Count(diff.RowsModified)}**" : "")} rows");
        md.Append(keyed
            ? "\n\n| File | Change | Rows (main → PR) | Rows + / − / ~ | Most-changed columns (cells) | Size | Schema |\n|---|---|---:|---:|---|---|---|\n"
            : "\n\n| File | Change | Rows (main → PR) | Rows + / − | Size | Schema |\n|---|---|---:|---:|---|---|\n");
        foreach (var file in shown)
        {
            var t = file.Table;
            var rows = t is null ? "—" : $"{Count(t.RowsBefore)} → {Count(t.RowsAfter)}";
            var plusMinus = t is null ? "—" : $"+{Count(t.RowsAdded)} / −{Count(t.RowsRemoved)}{(t.Keyed ? $" / ~{Count(t.RowsModified)}" : "")}";
            md.Append($"| {Code(file.Path)} | {file.Kind.ToString().ToLowerInvariant()} | {rows} | {plusMinus} | ");
            if (keyed)
                md.Append(Columns(t, limits.TopColumns)).Append(" | ");
            md.Append($"{Size(file.SizeBefore)} → {Size(file.SizeAfter)} | {Schema(t)} |\n");
        }

        ReportMarkdown.AppendTruncation(md, shown.Count, diff.Files.Count, "file");
        AppendSamples(md, shown, limits);
        foreach (var file in shown.Where(f => f.Table?.Note is not null))
            md.Append($"\n<sub>{Code(file.Path)}: {Cell(file.Table!.Note!)}</sub>\n");
        foreach (var file in shown.Where(f => f.Table?.DuplicatesAfter is not null))
        {
            var d = file.Table!.DuplicatesAfter!;
            var first = d.FirstKeys.Count == 0 ? "" : $" (first: {string.Join(", ", d.FirstKeys.Take(3).Select(k => Code(Short(k))))})";
            md.Append($"\n<sub>⚠️ {Code(file.Path)}: {Plural(d.Rows, "row")} of the pull request's version repeat{(d.Rows == 1 ? "s" : "")} an earlier row's key{first}; a key should name one row.</sub>\n");
        }

        // A table whose columns changed is compared by count without a key, so a key is what it lacks, not the note's point.
        var wholeRecords = diff.Files.Count(f => f.Kind == DiffKind.Modified && f.Table is { Keyed: false, Note: null, ColumnsAdded.Count: 0, ColumnsRemoved.Count: 0, ColumnsRenamed.Count: 0 });
        if (wholeRecords > 0)
        {
            md.Append($"\n<sub>{(wholeRecords == 1 ? "1 changed table has" : $"{Count(wholeRecords)} changed tables have")} no key, so {(wholeRecords == 1 ? "its" : "their")} rows are compared as whole records: a changed row counts as one removed and one added. ")
                .Append("Name a key per table (`data.keys` in mlops.yml) to see modified rows (~) and the cells that changed.</sub>\n");
        }

        md.Append('\n');
    }

    private static void AppendSamples(StringBuilder md, List<FileChange> shown, RenderLimits limits)
    {
        foreach (var file in shown.Where(f => f.Table is { Keyed: true, ModifiedSamples.Count: > 0 }).Take(limits.SampleTables))
        {
            var t = file.Table!;
            var rows = t.ModifiedSamples.Take(limits.SampleRows).ToList();
            var keys = string.Join(", ", t.Key.Select(k => $"<code>{Html(k)}</code>"));
            md.Append($"\n<details><summary>Modified rows of <code>{Html(file.Path)}</code> (key {keys}): {(rows.Count < t.RowsModified ? $"first {rows.Count} of {Count(t.RowsModified)}" : $"all {rows.Count}")}, old → new</summary>\n\n");
            md.Append("| ").Append(string.Join(" | ", t.Key.Select(Code))).Append(" | Changed cells |\n|")
                .Append(string.Concat(Enumerable.Repeat("---|", t.Key.Count + 1))).Append('\n');
            foreach (var row in rows)
            {
                var key = string.Join(" | ", t.Key.Select((_, i) => i < row.Key.Count ? Code(Short(row.Key[i])) : "—"));
                var changed = row.Cells.Where(c => c.Changed && !t.Key.Contains(c.Column, StringComparer.Ordinal))
                    .Select(c => $"{Code(c.Column)}: {Value(c.Before)} → {Value(c.After)}");
                md.Append($"| {key} | {string.Join("<br>", changed)} |\n");
            }

            md.Append("\n</details>\n");
        }
    }

    private static string Columns(TableDiff? table, int top)
    {
        if (table is not { Keyed: true } || table.ChangedColumns.Count == 0)
            return "—";
        var columns = table.ChangedColumns.Take(top).Select(c => $"{Code(c.Column)} {Count(c.Cells)}").ToList();
        if (table.ChangedColumns.Count > top)
            columns.Add($"+{Plural(table.ChangedColumns.Count - top, "more column")}");
        return string.Join(", ", columns);
    }

    private static string Schema(TableDiff? table)
    {
        if (table is null)
            return "—";
        if (!table.SchemaChanged)
            return "unchanged";
        var parts = table.ColumnsAdded.Select(c => "+" + Code(c))
            .Concat(table.ColumnsRemoved.Select(c => "−" + Code(c)))
            .Concat(table.ColumnsRenamed.Select(r => $"{Code(r.Before)} renamed {Code(r.After)}"))
            .Concat(table.TypeChanges.Select(c => $"{Code(c.Column)} {c.Before} → {c.After}"));
        return string.Join(", ", parts);
    }

    // Values go in code spans: data text can hold Markdown or HTML that must not render (or close the <details>).
    private static string Value(string? value) => value is null ? "∅" : Code(Short(value));

    private static string Short(string value)
    {
        var flat = value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return flat.Length <= MaxValue ? flat : string.Concat(flat.AsSpan(0, MaxValue - 1), "…");
    }

    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
