using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlopsCi.Testing.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    private static readonly string[] StatusStates = ["error", "failure", "pending", "success"];

    private void MapRoutes()
    {
        app.MapGet("/user", () => Store.TokenUser is { } login
            ? Json(FakeGitHubJson.User(login))
            : Json(FakeGitHubJson.Error("Resource not accessible by integration"), 403));

        // The contents API for a file: base64 content in a JSON object, 404 when the commit has no such path.
        app.MapGet("/repos/{owner}/{repo}/contents/{**path}", (HttpContext context, string owner, string repo, string path) =>
        {
            var gitRef = context.Request.Query["ref"].ToString();
            path = Uri.UnescapeDataString(path);
            if (Store.File($"{owner}/{repo}", gitRef, path) is not { } text)
                return NotFound();
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            return Json(new
            {
                Type = "file",
                Encoding = "base64",
                Size = bytes.Length,
                Name = path.Split('/')[^1],
                Path = path,
                Content = Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks),
                Sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(bytes)),
                Url = $"{ApiUrl.AbsoluteUri}repos/{owner}/{repo}/contents/{path}?ref={gitRef}",
            });
        });

        // Compare two commits: 404 when a side is unknown or they share no history, as GitHub answers.
        app.MapGet("/repos/{owner}/{repo}/compare/{**basehead}", (string owner, string repo, string basehead) =>
        {
            if (Failure(FakeRoute.Compare) is { } failure)
            {
                return failure;
            }

            basehead = Uri.UnescapeDataString(basehead);
            var dots = basehead.IndexOf("...", StringComparison.Ordinal);
            if (dots <= 0)
            {
                return NotFound();
            }

            var comparison = Store.Git.Compare($"{owner}/{repo}", basehead[..dots], basehead[(dots + 3)..]);
            return comparison is null
                ? NotFound()
                : Json(FakeGitHubJson.Comparison(ApiUrl.AbsoluteUri, $"{owner}/{repo}", basehead, comparison));
        });

        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}", (string owner, string repo, int number) =>
            Failure(FakeRoute.GetPullRequest) ?? (Store.PullRequest($"{owner}/{repo}", number) is { } pr
                ? Json(FakeGitHubJson.PullRequest(ApiUrl.AbsoluteUri, $"{owner}/{repo}", pr))
                : NotFound()));

        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/reviews", (HttpContext context, string owner, string repo, int number) =>
            Failure(FakeRoute.ListReviews) ?? (Store.PullRequest($"{owner}/{repo}", number) is null
                ? NotFound()
                : FakeGitHubPaging.Page(context, Store.Reviews($"{owner}/{repo}", number), r => FakeGitHubJson.Review($"{owner}/{repo}", number, r))));

        app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext context, string owner, string repo, int number) =>
            Failure(FakeRoute.ListComments) ?? (Store.PullRequest($"{owner}/{repo}", number) is null
                ? NotFound()
                : FakeGitHubPaging.Page(context, Store.Comments($"{owner}/{repo}", number), c => FakeGitHubJson.Comment(ApiUrl.AbsoluteUri, $"{owner}/{repo}", c))));

        app.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", async (HttpContext context, string owner, string repo, int number) =>
        {
            if (Failure(FakeRoute.CreateComment) is { } failure)
            {
                return failure;
            }

            if (Store.PullRequest($"{owner}/{repo}", number) is null)
            {
                return NotFound();
            }

            var body = await ReadStringAsync(context, "body");
            if (Invalid(body) is { } invalid)
            {
                return invalid;
            }

            var comment = Store.AddComment($"{owner}/{repo}", number, body!, Store.TokenUser ?? "github-actions[bot]");
            return Json(FakeGitHubJson.Comment(ApiUrl.AbsoluteUri, $"{owner}/{repo}", comment), 201);
        });

        app.MapMethods("/repos/{owner}/{repo}/issues/comments/{id:long}", ["PATCH"], async (HttpContext context, string owner, string repo, long id) =>
        {
            if (Failure(FakeRoute.EditComment) is { } failure)
            {
                return failure;
            }

            var body = await ReadStringAsync(context, "body");
            if (Invalid(body) is { } invalid)
            {
                return invalid;
            }

            return Store.EditComment($"{owner}/{repo}", id, body!) is { } edited
                ? Json(FakeGitHubJson.Comment(ApiUrl.AbsoluteUri, $"{owner}/{repo}", edited))
                : NotFound();
        });

        app.MapPost("/repos/{owner}/{repo}/statuses/{sha}", async (HttpContext context, string owner, string repo, string sha) =>
        {
            if (Failure(FakeRoute.CreateStatus) is { } failure)
            {
                return failure;
            }

            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            var root = document.RootElement;
            var state = Property(root, "state");
            if (state is null || !StatusStates.Contains(state))
            {
                return Unprocessable($"state is not included in the list: {string.Join(", ", StatusStates)}");
            }

            var status = Store.AddStatus($"{owner}/{repo}", sha, state, Property(root, "context"), Property(root, "description"), Property(root, "target_url"));
            return Json(FakeGitHubJson.Status(ApiUrl.AbsoluteUri, $"{owner}/{repo}", status), 201);
        });
    }

    private static async Task<string?> ReadStringAsync(HttpContext context, string name)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        return Property(document.RootElement, name);
    }

    private static string? Property(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // GitHub's limit on comment bodies.
    private static IResult? Invalid(string? body) => body switch
    {
        null => Unprocessable("body wasn't supplied"),
        { Length: > 65_536 } => Unprocessable("body is too long (maximum is 65536 characters)"),
        _ => null,
    };

    private static IResult Json(object body, int status = 200) => Results.Json(body, FakeGitHubJson.Options, statusCode: status);

    private static IResult NotFound() => Json(FakeGitHubJson.Error("Not Found"), 404);

    private static IResult Unprocessable(string message) =>
        Json(FakeGitHubJson.Error("Validation Failed", [new { Resource = "Request", Code = "custom", Message = message }]), 422);
}
