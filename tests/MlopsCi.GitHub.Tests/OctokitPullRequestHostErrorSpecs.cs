using System.Net;
using System.Net.Sockets;
using MlopsCi.Core.PullRequests;
using MlopsCi.Testing;
using MlopsCi.Testing.FakeGitHub;
using static MlopsCi.GitHub.Tests.FakeGitHubFixture;

namespace MlopsCi.GitHub.Tests;

public sealed class OctokitPullRequestHostErrorSpecs
{
    public static TheoryData<string, int> EveryRouteAndFailure()
    {
        var data = new TheoryData<string, int>();
        foreach (var route in Enum.GetValues<FakeRoute>())
        {
            foreach (var status in new[] { 401, 403, 404, 422 })
            {
                // A 404 from the compare API is an answer (unknown commit, no common ancestor): CompareAsync gives null.
                if (route == FakeRoute.Compare && status == 404)
                    continue;
                data.Add(route.ToString(), status);
            }
        }

        return data;
    }

    [Fact]
    public async Task A_rejected_token_says_it_is_invalid_or_expired()
    {
        await using var server = await StartWithPullRequestAsync();
        var host = OctokitPullRequestHost.Create(new GitHubHostOptions(server.ApiUrl, Repository, "ghs_wrong_token"));

        var ex = await Assert.ThrowsAsync<PullRequestHostException>(() => host.GetPullRequestAsync(42, CancellationToken.None));

        Assert.Equal(401, ex.StatusCode);
        Assert.Contains("invalid or expired", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reading pull request #42", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_wrong_token", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_comment_names_the_pull_requests_write_permission_and_forks()
    {
        await using var server = await StartWithPullRequestAsync();
        server.Fail(FakeRoute.CreateComment, 403);

        var ex = await Assert.ThrowsAsync<PullRequestPermissionException>(
            () => Host(server).UpsertCommentAsync(42, Marker, "report", CancellationToken.None));

        Assert.Equal("pull-requests: write", ex.RequiredPermission);
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("'pull-requests: write'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Resource not accessible by integration", ex.Message, StringComparison.Ordinal);
        Assert.Contains("forks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_edit_names_the_pull_requests_write_permission()
    {
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 1, _ => $"{Marker} old", OctokitPullRequestHost.ActionsBotLogin);
        server.Fail(FakeRoute.EditComment, 403);

        var ex = await Assert.ThrowsAsync<PullRequestPermissionException>(
            () => Host(server).UpsertCommentAsync(42, Marker, "report", CancellationToken.None));

        Assert.Equal("pull-requests: write", ex.RequiredPermission);
        Assert.Contains("editing comment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_status_names_the_statuses_write_permission()
    {
        await using var server = await StartWithPullRequestAsync();
        server.Fail(FakeRoute.CreateStatus, 403);

        var ex = await Assert.ThrowsAsync<PullRequestPermissionException>(
            () => Host(server).SetCommitStatusAsync(HeadSha, "mlops/gates", CommitStatusState.Failure, "gate failed", null, CancellationToken.None));

        Assert.Equal("statuses: write", ex.RequiredPermission);
        Assert.Contains("'statuses: write'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("mlops/gates", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("API rate limit exceeded for installation ID 123.", "rate limit is used up")]
    [InlineData("You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", "secondary rate limit")]
    public async Task A_rate_limited_403_is_not_a_permission_problem(string apiMessage, string expected)
    {
        await using var server = await StartWithPullRequestAsync();
        server.Fail(FakeRoute.CreateComment, 403, apiMessage);

        var ex = await Assert.ThrowsAsync<PullRequestHostException>(
            () => Host(server).UpsertCommentAsync(42, Marker, "report", CancellationToken.None));

        Assert.Equal(403, ex.StatusCode);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Re-run the job", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_pull_request_says_what_to_check()
    {
        await using var server = await StartWithPullRequestAsync();

        var ex = await Assert.ThrowsAsync<PullRequestHostException>(() => Host(server).GetPullRequestAsync(999, CancellationToken.None));

        Assert.Equal(404, ex.StatusCode);
        Assert.IsNotType<PullRequestPermissionException>(ex);
        Assert.Contains("#999", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GITHUB_REPOSITORY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot see it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_failure_carries_the_api_message()
    {
        await using var server = await StartWithPullRequestAsync();
        server.Fail(FakeRoute.CreateStatus, 422, $"No commit found for SHA: {HeadSha}");

        var ex = await Assert.ThrowsAsync<PullRequestHostException>(
            () => Host(server).SetCommitStatusAsync(HeadSha, "mlops/gates", CommitStatusState.Success, "ok", null, CancellationToken.None));

        Assert.Equal(422, ex.StatusCode);
        Assert.Contains("validation failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"No commit found for SHA: {HeadSha}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryRouteAndFailure))]
    public async Task Every_failure_maps_to_its_status_and_never_shows_the_token(string routeName, int status)
    {
        var route = Enum.Parse<FakeRoute>(routeName);
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 1, _ => $"{Marker} old", OctokitPullRequestHost.ActionsBotLogin);
        server.Fail(route, status);
        var host = Host(server);
        Func<Task> call = route switch
        {
            FakeRoute.GetPullRequest => () => host.GetPullRequestAsync(42, CancellationToken.None),
            FakeRoute.ListReviews => () => host.ListReviewsAsync(42, CancellationToken.None),
            FakeRoute.CreateStatus => () => host.SetCommitStatusAsync(HeadSha, "c", CommitStatusState.Success, "d", null, CancellationToken.None),
            FakeRoute.CreateComment => () => host.UpsertCommentAsync(42, "<!-- other marker -->", "b", CancellationToken.None),
            FakeRoute.Compare => () => host.CompareAsync("main", HeadSha, CancellationToken.None),
            _ => () => host.UpsertCommentAsync(42, Marker, "b", CancellationToken.None),
        };

        var ex = await Assert.ThrowsAnyAsync<PullRequestHostException>(call);

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(status == 403, ex is PullRequestPermissionException);
        Assert.Contains("octo-org/churn-model", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compare_answered_with_404_is_no_merge_base_not_an_error()
    {
        await using var server = await StartWithPullRequestAsync();
        server.Fail(FakeRoute.Compare, 404);

        var comparison = await Host(server).CompareAsync("main", HeadSha, CancellationToken.None);

        Assert.Null(comparison);
    }

    [Fact]
    public async Task A_token_echoed_by_the_api_is_redacted_from_the_message()
    {
        await using var server = await StartWithPullRequestAsync();
        server.Fail(FakeRoute.CreateStatus, 403, $"token {Token} may not write statuses");

        var ex = await Assert.ThrowsAsync<PullRequestPermissionException>(
            () => Host(server).SetCommitStatusAsync(HeadSha, "c", CommitStatusState.Success, "d", null, CancellationToken.None));

        Assert.DoesNotContain(Token, ex.Message, StringComparison.Ordinal);
        Assert.Contains("token *** may not write statuses", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_says_so_and_names_the_url()
    {
        var port = FreePort();
        var apiUrl = new Uri($"http://127.0.0.1:{port}/api/v3/");
        var host = OctokitPullRequestHost.Create(new GitHubHostOptions(apiUrl, Repository, Token));

        var ex = await Assert.ThrowsAsync<PullRequestHostException>(() => host.GetPullRequestAsync(42, CancellationToken.None));

        Assert.Null(ex.StatusCode);
        Assert.Contains("Could not reach GitHub", ex.Message, StringComparison.Ordinal);
        Assert.Contains(apiUrl.AbsoluteUri, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_host_failure()
    {
        await using var server = await StartWithPullRequestAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Host(server).GetPullRequestAsync(42, cancelled.Token));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_github_api_that_never_answers_fails_within_the_timeout_saying_so()
    {
        using var silent = new SilentServer();
        var apiUrl = silent.Url;
        var options = GitHubHostOptions.FromEnvironment(
            name => name switch
            {
                "GITHUB_API_URL" => apiUrl.AbsoluteUri,
                "GITHUB_REPOSITORY" => Repository,
                "GITHUB_TOKEN" => "ghs_silent_token",
                "MLOPS_GITHUB_TIMEOUT" => "1",
                _ => null,
            });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<PullRequestHostException>(() => OctokitPullRequestHost.Create(options).GetPullRequestAsync(42, CancellationToken.None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal(1, ex.ExitCode);
        Assert.Contains("did not answer within 1 s while reading pull request #42", ex.Message, StringComparison.Ordinal);
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_silent_token", ex.ToString(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
