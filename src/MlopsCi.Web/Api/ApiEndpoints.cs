using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlopsCi.Web.Internal;

namespace MlopsCi.Web.Api;

/// <summary>The JSON API: GET routes only, each returning the view its page renders.</summary>
internal static class ApiEndpoints
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/openapi.json", () => Results.Text(OpenApiDocument.Json, "application/json"));
        app.MapGet("/api/refs", (StoreViews v, CancellationToken ct) => Json(v.RefsAsync(ct)));
        app.MapGet("/api/log/{**ref}", (StoreViews v, string @ref, int? page, CancellationToken ct) => Json(v.LogAsync(@ref, page ?? 0, ct)));
        app.MapGet("/api/commits/{**ref}", (StoreViews v, string @ref, CancellationToken ct) => Json(v.CommitAsync(@ref, ct)));
        app.MapGet("/api/tree/{**ref}", (StoreViews v, string @ref, string? path, string? after, CancellationToken ct) => Json(v.TreeAsync(@ref, path ?? "", after, ct)));
        app.MapGet("/api/file/{**ref}", (StoreViews v, string @ref, string? path, CancellationToken ct) => Json(v.FileAsync(@ref, Required(path, "path"), ct)));
        app.MapGet("/api/blob/{**ref}", BlobAsync);
        app.MapGet("/api/diff", (StoreViews v, string? left, string? right, string? key, CancellationToken ct) => Json(v.DiffAsync(Required(left, "left"), Required(right, "right"), key, ct)));
        app.MapGet("/api/runs", (StoreViews v, string? model, CancellationToken ct) => Json(v.Records.RunsAsync(model, ct)));
        app.MapGet("/api/runs/{id}", (StoreViews v, string id, CancellationToken ct) => Json(v.Records.RunAsync(id, ct)));
        app.MapGet("/api/compare", (StoreViews v, string[]? run, CancellationToken ct) => Json(v.Records.CompareAsync(run ?? [], ct)));
        app.MapGet("/api/models", (StoreViews v, CancellationToken ct) => Json(v.Records.ModelsAsync(ct)));
        app.MapGet("/api/models/{name}", (StoreViews v, string name, CancellationToken ct) => Json(v.Records.ModelAsync(name, ct)));
        app.MapGet("/api/hooks", (StoreViews v, CancellationToken ct) => Json(v.Records.HooksAsync(ct)));
        app.MapGet("/api/pulls", (StoreViews v, CancellationToken ct) => Json(v.Records.PullsAsync(ct)));
    }

    internal static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new Core.Errors.InvalidInputException($"The query parameter '{name}' is missing; add ?{name}=… to the address.") : value;

    // Streams the blob with its length set, so a client sees a short download if the hash check fails at the end.
    private static async Task BlobAsync(HttpContext http, StoreViews v, string @ref, string? path, CancellationToken ct)
    {
        var (entry, _) = await v.EntryAsync(@ref, Required(path, "path"), ct);
        await using var stream = await v.Repository.OpenBlobAsync(entry, ct);
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = entry.Size;
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = entry.Path[(entry.Path.LastIndexOf('/') + 1)..], DispositionType = "attachment" }.ToString();
        http.Response.Headers.ETag = $"\"{entry.Hash}\"";
        await stream.CopyToAsync(http.Response.Body, ct);
    }

    private static async Task<IResult> Json<T>(Task<T> view) => Results.Json(await view, Options);
}
