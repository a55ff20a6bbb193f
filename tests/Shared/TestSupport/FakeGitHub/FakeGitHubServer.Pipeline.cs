using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlopsCi.Testing.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    private void Configure()
    {
        app.Use(RecordAsync);
        app.Use(EnforcePathBaseAndTokenAsync);
        app.UseRouting();
        MapRoutes();
        app.MapFallback(() => Results.Json(FakeGitHubJson.Error("Not Found"), FakeGitHubJson.Options, statusCode: 404));
    }

    private async Task RecordAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        request.Body.Position = 0;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, headers, body));
        await next();
    }

    private async Task EnforcePathBaseAndTokenAsync(HttpContext context, Func<Task> next)
    {
        if (PathBase.Length > 0)
        {
            if (!context.Request.Path.StartsWithSegments(PathBase, out var rest))
            {
                await WriteErrorAsync(context, 404, "Not Found");
                return;
            }

            context.Request.PathBase = PathBase;
            context.Request.Path = rest;
        }

        if (RequiredToken is not null)
        {
            // The scheme is case-insensitive (Octokit sends "Token"); GitHub takes "token" and "Bearer".
            var parts = context.Request.Headers.Authorization.ToString().Split(' ', 2);
            var schemeOk = parts[0].Equals("token", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase);
            if (parts.Length != 2 || !schemeOk || parts[1] != RequiredToken)
            {
                await WriteErrorAsync(context, 401, "Bad credentials");
                return;
            }
        }

        await next();
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(FakeGitHubJson.Error(message), FakeGitHubJson.Options);
    }

    // GitHub's default answers for each failure status; a configured message replaces the default.
    private IResult? Failure(FakeRoute route)
    {
        if (!failures.TryGetValue(route, out var failure))
        {
            return null;
        }

        var message = failure.Message ?? failure.Status switch
        {
            401 => "Bad credentials",
            403 => "Resource not accessible by integration",
            404 => "Not Found",
            422 => "Validation Failed",
            _ => "Server Error",
        };
        object body = failure.Status == 422
            ? FakeGitHubJson.Error("Validation Failed", [new { Resource = route.ToString(), Code = "custom", Message = message }])
            : FakeGitHubJson.Error(message);
        return Results.Json(body, FakeGitHubJson.Options, statusCode: failure.Status);
    }
}
