using MlopsCi.Core.PullRequests;
using MlopsCi.Testing.FakeGitHub;
using static MlopsCi.GitHub.Tests.FakeGitHubFixture;

namespace MlopsCi.GitHub.Tests;

public sealed class OctokitPullRequestHostSpecs
{
    [Fact]
    public async Task A_pull_request_is_read_with_its_head_base_and_author()
    {
        await using var server = await StartWithPullRequestAsync();

        var pr = await Host(server).GetPullRequestAsync(42, CancellationToken.None);

        Assert.Equal(42, pr.Number);
        Assert.Equal("Add March customer data", pr.Title);
        Assert.Equal(HeadSha, pr.HeadSha);
        Assert.Equal("data/march", pr.HeadRef);
        Assert.Equal("main", pr.BaseRef);
        Assert.Equal("open", pr.State);
        Assert.False(pr.Merged);
        Assert.Equal("octocat", pr.Author);
        Assert.False(pr.IsFork);
        Assert.Equal(new Uri("https://github.example/octo-org/churn-model/pull/42"), pr.HtmlUrl);
    }

    [Fact]
    public async Task A_pull_request_from_a_fork_is_flagged()
    {
        await using var server = await StartWithPullRequestAsync();
        server.AddPullRequest(Repository, new FakePullRequest(43, HeadSha) { HeadRepository = "contributor/churn-model" });

        var pr = await Host(server).GetPullRequestAsync(43, CancellationToken.None);

        Assert.True(pr.IsFork);
    }

    [Fact]
    public async Task A_merged_pull_request_reads_as_closed_and_merged()
    {
        await using var server = await StartWithPullRequestAsync();
        server.AddPullRequest(Repository, new FakePullRequest(44, HeadSha) { State = "closed", Merged = true });

        var pr = await Host(server).GetPullRequestAsync(44, CancellationToken.None);

        Assert.Equal("closed", pr.State);
        Assert.True(pr.Merged);
    }

    [Fact]
    public async Task Reviews_are_listed_across_every_page()
    {
        await using var server = await StartWithPullRequestAsync();
        var t0 = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 45; i++)
        {
            server.Store.AddReview(Repository, 42, new FakeReview($"reviewer{i}", i % 2 == 0 ? "APPROVED" : "COMMENTED", HeadSha, t0.AddMinutes(i)));
        }

        var reviews = await Host(server, pageSize: 20).ListReviewsAsync(42, CancellationToken.None);

        Assert.Equal(45, reviews.Count);
        Assert.Equal(3, server.RequestsTo("GET", "/pulls/42/reviews").Count);
        Assert.Equal("reviewer0", reviews[0].User);
        Assert.Equal("APPROVED", reviews[0].State);
        Assert.Equal(HeadSha, reviews[0].CommitId);
        Assert.Equal(t0, reviews[0].SubmittedAt);
        Assert.True(ApprovalPolicy.Evaluate(reviews, HeadSha, 23).Approved);
    }

    [Fact]
    public async Task Requests_carry_the_token_and_the_mlops_user_agent()
    {
        await using var server = await StartWithPullRequestAsync();

        await Host(server).GetPullRequestAsync(42, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.True(request.HasAuthorization);
        Assert.EndsWith(Token, request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.StartsWith("mlops-ci", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("/repos/octo-org/churn-model/pulls/42", request.Path);
    }

    [Fact]
    public async Task An_enterprise_api_url_with_a_path_keeps_that_path()
    {
        await using var server = await StartWithPullRequestAsync(pathBase: "/api/v3");
        var apiUrl = server.ApiUrl.AbsoluteUri.TrimEnd('/');
        Assert.EndsWith("/api/v3", apiUrl, StringComparison.Ordinal);
        var env = new Dictionary<string, string>
        {
            ["GITHUB_API_URL"] = apiUrl,
            ["GITHUB_REPOSITORY"] = Repository,
            ["GITHUB_TOKEN"] = Token,
        };
        var host = OctokitPullRequestHost.Create(GitHubHostOptions.FromEnvironment(env.GetValueOrDefault));

        var pr = await host.GetPullRequestAsync(42, CancellationToken.None);
        await host.UpsertCommentAsync(42, Marker, "report", CancellationToken.None);

        Assert.Equal(42, pr.Number);
        Assert.All(server.Requests.Where(r => r.Path != "/api/v3/user"), r => Assert.StartsWith("/api/v3/repos/octo-org/churn-model/", r.Path, StringComparison.Ordinal));
        Assert.Single(server.RequestsTo("GET", "/api/v3/user"));
        Assert.Contains(server.Requests, r => r.Method == "POST");
    }
}
