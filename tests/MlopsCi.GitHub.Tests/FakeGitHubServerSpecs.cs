using System.Net;
using System.Text.Json;
using MlopsCi.Testing.FakeGitHub;
using static MlopsCi.GitHub.Tests.FakeGitHubFixture;

namespace MlopsCi.GitHub.Tests;

public sealed class FakeGitHubServerSpecs
{
    [Fact]
    public async Task Comments_are_paged_by_30_by_default_with_link_headers()
    {
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 80);
        using var http = Client();

        using var first = await http.GetAsync(new Uri(server.ApiUrl, $"repos/{Repository}/issues/42/comments"));
        using var last = await http.GetAsync(new Uri(server.ApiUrl, $"repos/{Repository}/issues/42/comments?page=3"));

        Assert.Equal(30, await CountAsync(first));
        Assert.Equal(20, await CountAsync(last));
        var link = first.Headers.GetValues("Link").Single();
        Assert.Contains("per_page=30&page=2>; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("per_page=30&page=3>; rel=\"last\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_page_is_honoured_up_to_100()
    {
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 150);
        using var http = Client();

        using var ten = await http.GetAsync(new Uri(server.ApiUrl, $"repos/{Repository}/issues/42/comments?per_page=10"));
        using var capped = await http.GetAsync(new Uri(server.ApiUrl, $"repos/{Repository}/issues/42/comments?per_page=500"));

        Assert.Equal(10, await CountAsync(ten));
        Assert.Equal(100, await CountAsync(capped));
    }

    [Fact]
    public async Task Responses_use_snake_case()
    {
        await using var server = await StartWithPullRequestAsync();
        using var http = Client();

        var json = await http.GetStringAsync(new Uri(server.ApiUrl, $"repos/{Repository}/pulls/42"));

        using var document = JsonDocument.Parse(json);
        Assert.Equal(HeadSha, document.RootElement.GetProperty("head").GetProperty("sha").GetString());
        Assert.Equal(Repository, document.RootElement.GetProperty("base").GetProperty("repo").GetProperty("full_name").GetString());
        Assert.True(document.RootElement.TryGetProperty("html_url", out _));
    }

    [Fact]
    public async Task Requests_outside_the_base_path_are_not_found()
    {
        await using var server = await StartWithPullRequestAsync(pathBase: "/api/v3");
        using var http = Client();
        var root = new Uri(server.ApiUrl.GetLeftPart(UriPartial.Authority));

        using var outside = await http.GetAsync(new Uri(root, $"repos/{Repository}/pulls/42"));
        using var inside = await http.GetAsync(new Uri(root, $"api/v3/repos/{Repository}/pulls/42"));

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal($"/api/v3/repos/{Repository}/pulls/42", server.Requests[^1].Path);
    }

    [Fact]
    public async Task A_request_without_the_token_is_recorded_and_answered_401()
    {
        await using var server = await StartWithPullRequestAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.ApiUrl, $"repos/{Repository}/pulls/42"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(Assert.Single(server.Requests).HasAuthorization);
    }

    [Fact]
    public async Task A_configured_failure_answers_until_cleared()
    {
        await using var server = await StartWithPullRequestAsync();
        server.Fail(FakeRoute.GetPullRequest, 404);
        using var http = Client();
        var url = new Uri(server.ApiUrl, $"repos/{Repository}/pulls/42");

        using var failed = await http.GetAsync(url);
        server.ClearFailures();
        using var ok = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    private static HttpClient Client()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Authorization", $"Bearer {Token}");
        return http;
    }

    private static async Task<int> CountAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetArrayLength();
    }
}
