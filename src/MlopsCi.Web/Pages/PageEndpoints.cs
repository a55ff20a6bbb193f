using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlopsCi.Web.Api;
using MlopsCi.Web.Internal;

namespace MlopsCi.Web.Pages;

/// <summary>The HTML pages: each renders the same view its /api route returns.</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (StoreViews v, CancellationToken ct) =>
            Page(v, "Home", OtherPages.Home(await v.RefsAsync(ct), (await v.Records.RunsAsync(null, ct)).Count, (await v.Records.ModelsAsync(ct)).Count, (await v.Records.PullsAsync(ct)).Count)));
        app.MapGet("/data", async (StoreViews v, CancellationToken ct) => Page(v, "Data", DataPages.Refs(await v.RefsAsync(ct))));
        app.MapGet("/data/log/{**ref}", async (StoreViews v, string @ref, int? page, CancellationToken ct) => Page(v, "History of " + @ref, DataPages.Log(await v.LogAsync(@ref, page ?? 0, ct))));
        app.MapGet("/data/commit/{**ref}", async (StoreViews v, string @ref, CancellationToken ct) => Page(v, "Commit " + Html.Short(@ref), DataPages.Commit(await v.CommitAsync(@ref, ct))));
        app.MapGet("/data/tree/{**ref}", async (StoreViews v, string @ref, string? path, string? after, CancellationToken ct) => Page(v, $"{@ref}:/{path}", TreePages.Tree(await v.TreeAsync(@ref, path ?? "", after, ct))));
        app.MapGet("/data/file/{**ref}", async (StoreViews v, string @ref, string? path, CancellationToken ct) => Page(v, path ?? "", TreePages.File(await v.FileAsync(@ref, ApiEndpoints.Required(path, "path"), ct))));
        app.MapGet("/data/diff", async (StoreViews v, string? left, string? right, string? key, CancellationToken ct) =>
            Page(v, "Diff", DataPages.Diff(await v.DiffAsync(ApiEndpoints.Required(left, "left"), ApiEndpoints.Required(right, "right"), key, ct))));
        app.MapGet("/runs", async (StoreViews v, string? model, CancellationToken ct) => Page(v, "Runs", RunPages.Runs(await v.Records.RunsAsync(model, ct))));
        app.MapGet("/runs/compare", async (StoreViews v, string[]? run, CancellationToken ct) => Page(v, "Compare runs", RunPages.Compare(await v.Records.CompareAsync(run ?? [], ct))));
        app.MapGet("/runs/{id}", async (StoreViews v, string id, CancellationToken ct) => Page(v, "Run " + id, RunPages.Run(await v.Records.RunAsync(id, ct))));
        app.MapGet("/models", async (StoreViews v, CancellationToken ct) => Page(v, "Models", ModelPages.Models(await v.Records.ModelsAsync(ct))));
        app.MapGet("/models/{name}", async (StoreViews v, string name, CancellationToken ct) => Page(v, "Model " + name, ModelPages.Model(await v.Records.ModelAsync(name, ct))));
        app.MapGet("/hooks", async (StoreViews v, CancellationToken ct) => Page(v, "Hook runs", OtherPages.Hooks(await v.Records.HooksAsync(ct))));
        app.MapGet("/pulls", async (StoreViews v, CancellationToken ct) => Page(v, "Pull requests", OtherPages.Pulls(await v.Records.PullsAsync(ct))));
        app.MapGet("/api", (StoreViews v) => Page(v, "API", OtherPages.Api([.. ApiRoutes.All.Select(r => (r.Path, r.Summary))])));
    }

    internal static IResult Page(StoreViews views, string title, Html body) =>
        Results.Content(Layout.Page(title, views.Repository.Store.Location, body), "text/html; charset=utf-8");
}
