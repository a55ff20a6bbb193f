using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MlopsCi.Testing.FakeGitHub;

/// <summary>GitHub-style paging: <c>page</c> and <c>per_page</c> (default 30, at most 100) with a Link header.</summary>
internal static class FakeGitHubPaging
{
    public const int DefaultPerPage = 30;
    public const int MaxPerPage = 100;

    public static IResult Page<T>(HttpContext context, IReadOnlyList<T> items, Func<T, object> map)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(Parse(query["per_page"], DefaultPerPage), 1, MaxPerPage);
        var page = Math.Max(1, Parse(query["page"], 1));
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < last)
        {
            links.Add(Link(context, page + 1, perPage, "next"));
            links.Add(Link(context, last, perPage, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(context, 1, perPage, "first"));
            links.Add(Link(context, page - 1, perPage, "prev"));
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        var slice = items.Skip((page - 1) * perPage).Take(perPage).Select(map).ToList();
        return Results.Json(slice, FakeGitHubJson.Options);
    }

    private static int Parse(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : fallback;

    private static string Link(HttpContext context, int page, int perPage, string rel)
    {
        var request = context.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}" +
            $"?per_page={perPage.ToString(CultureInfo.InvariantCulture)}&page={page.ToString(CultureInfo.InvariantCulture)}";
        return $"<{url}>; rel=\"{rel}\"";
    }
}
