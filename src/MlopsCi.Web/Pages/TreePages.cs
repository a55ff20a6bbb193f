using System.Globalization;
using MlopsCi.Web.Internal;

namespace MlopsCi.Web.Pages;

/// <summary>The tree browser and the file page with its table preview.</summary>
internal static class TreePages
{
    public static Html Tree(TreeView tree)
    {
        var h = new Html().Heading($"{tree.Ref}:/{tree.Folder}");
        h.Raw("<p class=\"mono\">");
        h.Link($"/data/tree/{Html.PathUrl(tree.Ref)}", tree.Ref);
        var sofar = "";
        foreach (var part in tree.Folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            sofar += part + "/";
            h.Raw(" / ").Link($"/data/tree/{Html.PathUrl(tree.Ref)}?path={Html.Url(sofar)}", part);
        }

        h.Raw(" · commit ").Link($"/data/commit/{tree.Commit}", Html.Short(tree.Commit)).Raw("</p>");
        h.Raw("<table class=\"sortable\" id=\"tree\">").HeaderRow("Name", "Size", "Blob").Raw("<tbody>");
        foreach (var item in tree.Items)
        {
            var href = item.Folder ? $"/data/tree/{Html.PathUrl(tree.Ref)}?path={Html.Url(item.Path)}" : $"/data/file/{Html.PathUrl(tree.Ref)}?path={Html.Url(item.Path)}";
            h.Raw("<tr>").LinkCell(href, item.Name).Cell(Html.Bytes(item.Size), item.Size?.ToString(CultureInfo.InvariantCulture), "num").Cell(Html.Short(item.Hash), null, "mono").Raw("</tr>\n");
        }

        h.Raw("</tbody></table>");
        if (tree.Items.Count == 0)
            h.Para("Nothing here.", "muted");
        h.Raw("<p class=\"pager\">");
        if (tree.Next is not null)
            h.Link($"/data/tree/{Html.PathUrl(tree.Ref)}?path={Html.Url(tree.Folder)}&after={Html.Url(tree.Next)}", $"next {StoreViews.TreePageSize:N0} →");
        return h.Raw("</p>");
    }

    public static Html File(FileView file)
    {
        var h = new Html().Heading(file.Path);
        var download = $"/api/blob/{Html.PathUrl(file.Commit)}?path={Html.Url(file.Path)}";
        h.Facts([("ref", file.Ref), ("commit", file.Commit), ("size", $"{Html.Bytes(file.Size)} ({file.Size:N0} bytes)"), ("sha-256", file.Hash), ("format", file.Format)]);
        h.Raw("<p>").Link(download, "Download (verified against its SHA-256)").Raw(" · ").Link($"/data/tree/{Html.PathUrl(file.Ref)}?path={Html.Url(Folder(file.Path))}", "folder").Raw("</p>");
        if (file.Preview is not { } preview)
            return h.Para(file.PreviewNote, "muted");
        h.Heading($"First {preview.Rows.Count:N0} rows{(preview.More ? "" : " (the whole table)")}", 2);
        h.Raw("<table class=\"sortable\" id=\"preview\"><thead><tr>");
        for (var i = 0; i < preview.Columns.Count; i++)
            h.Raw("<th>").Text(preview.Columns[i]).Raw("<br><span class=\"muted\">").Text(preview.Types[i]).Raw("</span></th>");
        h.Raw("</tr></thead><tbody>");
        foreach (var row in preview.Rows)
        {
            h.Raw("<tr>");
            for (var i = 0; i < preview.Columns.Count; i++)
                h.Cell(i < row.Count ? row[i] : "", null, preview.Types[i] is "integer" or "number" ? "num" : null);
            h.Raw("</tr>\n");
        }

        return h.Raw("</tbody></table>");
    }

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "";
}
