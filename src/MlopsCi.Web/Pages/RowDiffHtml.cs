using System.Globalization;
using MlopsCi.Web.Internal;

namespace MlopsCi.Web.Pages;

/// <summary>The modified rows of keyed tables on the diff page: per table its key and each changed cell, old and new.</summary>
internal static class RowDiffHtml
{
    private const int MaxTables = 20;

    public static void Samples(Html h, IReadOnlyList<ChangeView> changes)
    {
        var tables = changes.Where(c => c.Table is { Keyed: true, ModifiedSamples.Count: > 0 }).Take(MaxTables).ToList();
        if (tables.Count == 0)
            return;
        h.Heading("Modified rows", 2);
        foreach (var change in tables)
        {
            var t = change.Table!;
            var shown = t.ModifiedSamples.Count;
            h.Raw("<details open class=\"rowdiff\"><summary>").Text($"{change.Path} (key {string.Join(", ", t.Key)}): {(shown < t.RowsModified ? $"first {shown} of {t.RowsModified.ToString("N0", CultureInfo.InvariantCulture)}" : $"all {shown}")} modified rows").Raw("</summary>\n");
            h.Raw("<table class=\"modified\">").HeaderRow([.. t.Key, "Column", "Old", "New"]).Raw("<tbody>");
            foreach (var row in t.ModifiedSamples)
            {
                foreach (var cell in row.Cells.Where(c => c.Changed && !t.Key.Contains(c.Column, StringComparer.Ordinal)))
                {
                    h.Raw("<tr>");
                    foreach (var value in row.Key)
                        h.Cell(value, null, "mono");
                    h.Cell(cell.Column).Cell(cell.Before ?? "∅", null, "deleted").Cell(cell.After ?? "∅", null, "added").Raw("</tr>\n");
                }
            }

            h.Raw("</tbody></table></details>\n");
        }
    }
}
