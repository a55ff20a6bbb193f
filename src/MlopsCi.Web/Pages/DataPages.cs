using System.Globalization;
using MlopsCi.Web.Internal;

namespace MlopsCi.Web.Pages;

/// <summary>Branches and tags, a ref's log, a commit and its diff.</summary>
internal static class DataPages
{
    public static Html Refs(RefsView refs)
    {
        var h = new Html().Heading("Data").Heading("Branches", 2);
        h.Raw("<table class=\"sortable\" id=\"branches\">").HeaderRow("Branch", "Head commit", "Protected", "Last change", "Message", "git sha", "").Raw("<tbody>");
        foreach (var b in refs.Branches)
        {
            h.Raw("<tr>").LinkCell($"/data/log/{Html.PathUrl(b.Name)}", b.Name + (b.Name == refs.DefaultBranch ? " (default)" : ""))
                .Raw("<td class=\"mono\">").Link($"/data/commit/{b.Commit}", Html.Short(b.Commit)).Raw("</td>")
                .Cell(b.Protected ? "protected" : "").Cell(Html.Time(b.LastChange), b.LastChange.ToString("o", CultureInfo.InvariantCulture))
                .Cell(b.Message).Cell(Html.Short(b.GitSha), null, "mono")
                .Raw("<td>").Link($"/data/tree/{Html.PathUrl(b.Name)}", "browse").Raw("</td></tr>\n");
        }

        h.Raw("</tbody></table>").Heading("Tags", 2);
        if (refs.Tags.Count == 0)
            return h.Para("No tags.", "muted").Raw(DiffForm(refs.DefaultBranch));
        h.Raw("<table class=\"sortable\" id=\"tags\">").HeaderRow("Tag", "Commit", "Time", "Message").Raw("<tbody>");
        foreach (var t in refs.Tags)
        {
            h.Raw("<tr>").LinkCell($"/data/tree/{Html.PathUrl(t.Name)}", t.Name).Raw("<td class=\"mono\">").Link($"/data/commit/{t.Commit}", Html.Short(t.Commit)).Raw("</td>")
                .Cell(Html.Time(t.Time)).Cell(t.Message).Raw("</tr>\n");
        }

        return h.Raw("</tbody></table>").Raw(DiffForm(refs.DefaultBranch));
    }

    public static Html Log(LogView log)
    {
        var h = new Html().Heading($"History of {log.Ref}");
        h.Raw("<p>").Link($"/data/tree/{Html.PathUrl(log.Ref)}", "Browse files at " + log.Ref).Raw("</p>");
        h.Raw("<table id=\"log\">").HeaderRow("Commit", "Message", "Author", "Time", "git sha", "Parents").Raw("<tbody>");
        foreach (var c in log.Commits)
        {
            h.Raw("<tr><td class=\"mono\">").Link($"/data/commit/{c.Id}", Html.Short(c.Id)).Raw("</td>").Cell(c.Message).Cell(c.Author).Cell(Html.Time(c.Time))
                .Cell(Html.Short(c.GitSha), null, "mono").Cell(c.Parents.Count.ToString(CultureInfo.InvariantCulture), null, "num").Raw("</tr>\n");
        }

        h.Raw("</tbody></table><p class=\"pager\">");
        if (log.Page > 0)
            h.Link($"/data/log/{Html.PathUrl(log.Ref)}?page={log.Page - 1}", "← newer");
        if (log.More)
            h.Link($"/data/log/{Html.PathUrl(log.Ref)}?page={log.Page + 1}", "older →");
        return h.Raw("</p>");
    }

    public static Html Commit(CommitView c)
    {
        var h = new Html().Heading("Commit " + Html.Short(c.Id));
        h.Raw("<pre>").Text(c.Message).Raw("</pre>");
        h.Facts([("id", c.Id), ("author", c.Author), ("time", Html.Time(c.Time)), ("git sha", c.GitSha), ("generation", c.Generation.ToString(CultureInfo.InvariantCulture)),
            ("files", c.Entries.ToString("N0", CultureInfo.InvariantCulture)), ("data", Html.Bytes(c.Bytes))]);
        h.Raw("<p>Parents: ");
        foreach (var parent in c.Parents)
            h.Link($"/data/commit/{parent}", Html.Short(parent), "mono").Raw(" ");
        h.Raw(c.Parents.Count == 0 ? "none (first commit)" : "").Raw(" · ").Link($"/data/tree/{c.Id}", "browse files").Raw("</p>");
        if (c.Metadata.Count > 0)
        {
            h.Heading("Metadata", 2).Raw("<table>").HeaderRow("Key", "Value").Raw("<tbody>");
            foreach (var (key, value) in c.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                h.Raw("<tr>").Cell(key).Cell(value).Raw("</tr>");
            h.Raw("</tbody></table>");
        }

        if (c.Diff is { } diff)
        {
            h.Heading("Changes against the first parent", 2).Raw("<p>").Link($"/data/diff?left={diff.LeftCommit}&right={diff.RightCommit}", "Open as a diff page").Raw("</p>");
            Changes(h, diff);
        }

        return h;
    }

    public static Html Diff(DiffView diff)
    {
        var h = new Html().Heading($"Diff {diff.Left} → {diff.Right}");
        h.Raw("<p>").Link($"/data/commit/{diff.LeftCommit}", Html.Short(diff.LeftCommit), "mono").Raw(" → ").Link($"/data/commit/{diff.RightCommit}", Html.Short(diff.RightCommit), "mono").Raw("</p>");
        return Changes(h, diff).Raw(DiffForm(diff.Right, diff.Left, diff.Right, diff.Key));
    }

    private static Html Changes(Html h, DiffView diff)
    {
        var keyed = diff.Changes.Any(c => c.Table is { Keyed: true });
        h.Para($"{diff.Count:N0} files changed; rows in compared tables: +{diff.RowsAdded:N0} −{diff.RowsRemoved:N0}{(keyed ? $" ~{diff.RowsModified:N0} modified" : "")}.");
        if (diff.Count == 0)
            return h;
        h.Raw("<table class=\"sortable\" id=\"changes\">").HeaderRow("", "Path", "Size before", "Size after", "Rows before", "Rows after", "Rows +", "Rows −", "Rows ~", "Key", "Most-changed columns (cells)", "Schema").Raw("<tbody>");
        foreach (var f in diff.Changes)
        {
            var reference = f.Kind == "Deleted" ? diff.LeftCommit : diff.RightCommit;
            var t = f.Table;
            h.Raw("<tr>").Cell(f.Kind, null, f.Kind.ToLowerInvariant())
                .LinkCell($"/data/file/{reference}?path={Html.Url(f.Path)}", f.Path)
                .Cell(Html.Bytes(f.SizeBefore), f.SizeBefore?.ToString(CultureInfo.InvariantCulture), "num").Cell(Html.Bytes(f.SizeAfter), f.SizeAfter?.ToString(CultureInfo.InvariantCulture), "num")
                .Cell(t?.RowsBefore.ToString("N0", CultureInfo.InvariantCulture), t?.RowsBefore.ToString(CultureInfo.InvariantCulture), "num")
                .Cell(t?.RowsAfter.ToString("N0", CultureInfo.InvariantCulture), t?.RowsAfter.ToString(CultureInfo.InvariantCulture), "num")
                .Cell(t is null ? null : "+" + t.RowsAdded.ToString("N0", CultureInfo.InvariantCulture), t?.RowsAdded.ToString(CultureInfo.InvariantCulture), "num added")
                .Cell(t is null ? null : "−" + t.RowsRemoved.ToString("N0", CultureInfo.InvariantCulture), t?.RowsRemoved.ToString(CultureInfo.InvariantCulture), "num deleted")
                .Cell(t is { Keyed: true } ? "~" + t.RowsModified.ToString("N0", CultureInfo.InvariantCulture) : null, t?.RowsModified.ToString(CultureInfo.InvariantCulture), "num modified")
                .Cell(t is { Keyed: true } ? string.Join(", ", t.Key) : t is null ? null : "whole records")
                .Cell(t is null ? null : string.Join(", ", t.ChangedColumns.Select(c => $"{c.Column} {c.Cells.ToString("N0", CultureInfo.InvariantCulture)}")))
                .Cell(t is null ? null : Schema(t)).Raw("</tr>\n");
        }

        h.Raw("</tbody></table>");
        if (diff.Count > diff.Changes.Count)
            h.Para($"Showing the first {diff.Changes.Count:N0} of {diff.Count:N0} changes; 'mlops data diff {diff.LeftCommit[..12]} {diff.RightCommit[..12]}' lists them all.", "muted");
        RowDiffHtml.Samples(h, diff.Changes);
        if (diff.Changes.Any(c => c.Kind == "Modified" && c.Table is { Keyed: false, Note: null }))
            h.Para("Tables without a key are compared as whole records: a changed row counts as one removed and one added. Name a key (data.keys in mlops.yml, or the key field below) to see modified rows and cells.", "muted");
        return h;
    }

    private static string Schema(Core.Reporting.TableDiff t)
    {
        var parts = new List<string>();
        if (t.ColumnsAdded.Count > 0)
            parts.Add("added " + string.Join(", ", t.ColumnsAdded));
        if (t.ColumnsRemoved.Count > 0)
            parts.Add("removed " + string.Join(", ", t.ColumnsRemoved));
        parts.AddRange(t.ColumnsRenamed.Select(r => $"renamed {r.Before} → {r.After}"));
        parts.AddRange(t.TypeChanges.Select(c => $"{c.Column}: {c.Before} → {c.After}"));
        if (t.DuplicatesAfter is { } d)
            parts.Add($"{d.Rows:N0} rows repeat a key");
        if (t.Note is not null)
            parts.Add(t.Note);
        return string.Join("; ", parts);
    }

    private static string DiffForm(string defaultRight, string? left = null, string? right = null, string? key = null) =>
        new Html().Heading("Compare two refs", 2)
            .Raw("<form action=\"/data/diff\" method=\"get\"><label>left <input name=\"left\" value=\"").Text(left ?? "").Raw("\" placeholder=\"main~ or a commit\"></label> ")
            .Raw("<label>right <input name=\"right\" value=\"").Text(right ?? defaultRight).Raw("\"></label> <label>key <input name=\"key\" value=\"").Text(key ?? "").Raw("\" placeholder=\"data.keys, or col,col\"></label> <button type=\"submit\">Diff</button></form>").ToString();
}
