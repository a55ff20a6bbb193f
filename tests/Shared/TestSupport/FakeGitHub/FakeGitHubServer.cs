using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MlopsCi.Testing.FakeGitHub;

/// <summary>
/// A GitHub REST API double on 127.0.0.1 (random port) for tests over real HTTP: pull requests, reviews, issue comments
/// (paged with Link headers) and commit statuses, with every request recorded and per-route failures on demand.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<FakeRoute, (int Status, string? Message)> failures = new();

    private FakeGitHubServer(WebApplication app, string pathBase, string? requiredToken)
    {
        this.app = app;
        PathBase = pathBase;
        RequiredToken = requiredToken;
    }

    /// <summary>The API base address to give the client, ending with '/' (e.g. http://127.0.0.1:5123/api/v3/).</summary>
    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>The base path the API is served under ("" or e.g. "/api/v3"); requests outside it get 404.</summary>
    public string PathBase { get; }

    /// <summary>When set, requests must carry this token (as "token X" or "Bearer X"), else 401.</summary>
    public string? RequiredToken { get; }

    /// <summary>The state behind the API; seed it before the code under test runs.</summary>
    public FakeGitHubStore Store { get; } = new();

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Starts a fake on a free loopback port.</summary>
    /// <param name="pathBase">Serve under this path, e.g. "/api/v3" as GitHub Enterprise Server does.</param>
    /// <param name="requiredToken">When set, answer 401 to requests without this token.</param>
    public static async Task<FakeGitHubServer> StartAsync(string pathBase = "", string? requiredToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeGitHubServer(app, pathBase.TrimEnd('/'), requiredToken);
        server.Configure();
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        server.ApiUrl = new Uri(address, server.PathBase + "/");
        return server;
    }

    /// <summary>Answers every request to <paramref name="route"/> with <paramref name="statusCode"/> until cleared.</summary>
    public void Fail(FakeRoute route, int statusCode, string? message = null) => failures[route] = (statusCode, message);

    /// <summary>Removes every configured failure.</summary>
    public void ClearFailures() => failures.Clear();

    /// <summary>Adds a pull request to <paramref name="repository"/> (owner/name).</summary>
    public FakePullRequest AddPullRequest(string repository, FakePullRequest pullRequest)
    {
        Store.AddPullRequest(repository, pullRequest);
        return pullRequest;
    }

    /// <summary>Adds <paramref name="count"/> comments to a pull request, e.g. to push a marker comment to a later page.</summary>
    public void SeedComments(string repository, int number, int count, Func<int, string>? body = null, string user = "someone")
    {
        for (var i = 1; i <= count; i++)
        {
            Store.AddComment(repository, number, body?.Invoke(i) ?? $"Comment {i}", user);
        }
    }

    /// <summary>The recorded requests with this method whose path ends with <paramref name="pathSuffix"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathSuffix) =>
        [.. Requests.Where(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal))];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
