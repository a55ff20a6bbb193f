using System.Net.Http.Headers;
using System.Text.Json;
using static MlopsCi.GitHub.Tests.FakeGitHubFixture;

namespace MlopsCi.GitHub.Tests;

/// <summary>The compare API (<c>GET /repos/{o}/{r}/compare/{base}...{head}</c>) through Octokit and the fake's git graph.</summary>
public sealed class OctokitPullRequestHostCompareSpecs
{
    private const string Root = "1111111111111111111111111111111111111111";
    private const string OnMain = "2222222222222222222222222222222222222222";
    private const string OnBranch = "3333333333333333333333333333333333333333";

    [Fact]
    public async Task A_comparison_gives_the_merge_base_and_whether_head_is_ahead_of_base()
    {
        await using var server = await StartWithPullRequestAsync();
        DrawHistory(server);
        var host = Host(server);

        var branch = await host.CompareAsync("main", OnBranch, CancellationToken.None);
        var ahead = await host.CompareAsync(Root, OnMain, CancellationToken.None);
        var behind = await host.CompareAsync(OnMain, Root, CancellationToken.None);
        var same = await host.CompareAsync(OnMain, "main", CancellationToken.None);

        Assert.Equal((Root, "diverged", false), (branch!.MergeBaseSha, branch.Status, branch.BaseIsAncestorOfHead));
        Assert.Equal((Root, "ahead", true), (ahead!.MergeBaseSha, ahead.Status, ahead.BaseIsAncestorOfHead));
        Assert.Equal(("behind", false), (behind!.Status, behind.BaseIsAncestorOfHead));
        Assert.Equal(("identical", true), (same!.Status, same.BaseIsAncestorOfHead));
        Assert.Single(server.RequestsTo("GET", $"/repos/{Repository}/compare/main...{OnBranch}"));
    }

    [Fact]
    public async Task Commits_without_common_history_or_unknown_to_the_host_compare_as_null()
    {
        await using var server = await StartWithPullRequestAsync();
        DrawHistory(server);
        server.Store.Git.AddCommit(Repository, "4444444444444444444444444444444444444444");

        var unrelated = await Host(server).CompareAsync("main", "4444444444444444444444444444444444444444", CancellationToken.None);
        var unknown = await Host(server).CompareAsync("main", "5555555555555555555555555555555555555555", CancellationToken.None);

        Assert.Null(unrelated);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task The_fake_answers_in_the_shape_of_GitHubs_commit_comparison()
    {
        await using var server = await StartWithPullRequestAsync();
        DrawHistory(server);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", Token);

        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.ApiUrl, $"repos/{Repository}/compare/main...{OnBranch}")));

        var root = document.RootElement;
        Assert.Equal(Root, root.GetProperty("merge_base_commit").GetProperty("sha").GetString());
        Assert.Equal(OnMain, root.GetProperty("base_commit").GetProperty("sha").GetString());
        Assert.Equal(("diverged", 1, 1, 1), (root.GetProperty("status").GetString(), root.GetProperty("ahead_by").GetInt32(), root.GetProperty("behind_by").GetInt32(), root.GetProperty("total_commits").GetInt32()));
        var commit = Assert.Single(root.GetProperty("commits").EnumerateArray());
        Assert.Equal(OnBranch, commit.GetProperty("sha").GetString());
        Assert.Equal(Root, Assert.Single(commit.GetProperty("parents").EnumerateArray()).GetProperty("sha").GetString());
        Assert.Equal(JsonValueKind.String, commit.GetProperty("commit").GetProperty("committer").GetProperty("date").ValueKind);
        foreach (var name in new[] { "url", "html_url", "permalink_url", "diff_url", "patch_url", "files" })
            Assert.True(root.TryGetProperty(name, out _), name);
    }

    private static void DrawHistory(Testing.FakeGitHub.FakeGitHubServer server)
    {
        server.Store.Git.AddCommit(Repository, Root);
        server.Store.Git.AddCommit(Repository, OnMain, Root);
        server.Store.Git.AddCommit(Repository, OnBranch, Root);
        server.Store.Git.SetBranch(Repository, "main", OnMain);
    }
}
