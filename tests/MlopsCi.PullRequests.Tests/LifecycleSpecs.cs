using MlopsCi.Core.PullRequests;
using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>The whole lifecycle through the real <c>mlops</c> process, a local store and a fake GitHub on 127.0.0.1.</summary>
[Trait("Speed", "Slow")]
public sealed class LifecycleSpecs
{
    [Fact]
    public async Task One_comment_is_updated_in_place_from_sync_to_sync_to_merge_and_the_model_is_promoted()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1);

        var opened = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "auto");
        var firstDataCommits = await s.CommitCountAsync("pr-1");
        s.WriteCheckoutData(ChurnData.Csv(1, 500) + ChurnData.Rows(3, 600));
        s.OpenPullRequest(1, Sha2);
        var pushed = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("synchronize", 1, Sha2), "auto");
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, 1, new("hubot", "APPROVED", Sha2, DateTimeOffset.UtcNow));
        var approved = await s.RunEventAsync("pull_request_review", WebhookPayloads.Review("submitted", "approved", 1, Sha2, Sha2), "auto");

        Assert.True(opened.ExitCode == 0, opened.ToString());
        Assert.True(pushed.ExitCode == 0, pushed.ToString());
        Assert.True(approved.ExitCode == 0, approved.ToString());
        var comment = Assert.Single(s.Comments(1));
        Assert.StartsWith("<!-- mlops-ci:report model=churn -->", comment.Body, StringComparison.Ordinal);
        Assert.Contains("🚀 **Merged**", comment.Body, StringComparison.Ordinal);
        Assert.Contains("registered `churn:1` and moved `champion` to it", comment.Body, StringComparison.Ordinal);
        Assert.Single(s.GitHub.RequestsTo("POST", "/repos/octo-org/churn-model/issues/1/comments"));
        Assert.Equal(2, s.GitHub.RequestsTo("PATCH", "/issues/comments/" + comment.Id).Count);
        Assert.Equal([(Sha1, "pending"), (Sha1, "success"), (Sha2, "pending"), (Sha2, "success")], s.Statuses().Select(x => (x.Sha, x.State)));
        Assert.All(s.Statuses(), x => Assert.Equal(("mlops-ci/churn", RunUrl), (x.Context, x.TargetUrl)));
        Assert.Contains($"[workflow run]({RunUrl}) · [artifacts]({RunUrl}#artifacts)", comment.Body, StringComparison.Ordinal);
        Assert.Equal(3, firstDataCommits); // repository root, the older period on main, the pull request's data
        Assert.Equal(1, (await s.ChampionAsync())?.Version);
        Assert.Null(await (await s.OpenRepositoryAsync()).TryGetBranchAsync("pr-1", CancellationToken.None));
        Assert.Contains("merged pull request #1", approved.Out, StringComparison.OrdinalIgnoreCase);
        AssertTokenOnlyMasked(s);
    }

    [Fact]
    public async Task Re_running_any_command_creates_no_second_comment_data_commit_run_or_model_version()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1);
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, 1, new("hubot", "APPROVED", Sha1, DateTimeOffset.UtcNow));

        var first = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");
        var (commits, runs) = (await s.CommitCountAsync("pr-1"), (await s.RunsAsync()).Count);
        var again = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");
        var (commitsAgain, runsAgain) = (await s.CommitCountAsync("pr-1"), (await s.RunsAsync()).Count);
        var merged = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("closed", 1, Sha1, merged: true), "merge");
        var mainCommits = await s.CommitCountAsync("main");
        var mergedAgain = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("closed", 1, Sha1, merged: true), "merge");

        Assert.All(new[] { first, again, merged, mergedAgain }, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal((commits, runs), (commitsAgain, runsAgain));
        Assert.Equal(2, runs);
        Assert.Contains("already trained", again.Out, StringComparison.Ordinal);
        Assert.Contains("data unchanged", again.Out, StringComparison.Ordinal);
        Assert.Single(s.Comments(1));
        Assert.Single(await s.VersionsAsync());
        Assert.Equal(mainCommits, await s.CommitCountAsync("main"));
        Assert.Equal(runs, (await s.RunsAsync()).Count);
        Assert.Contains("merged already", mergedAgain.Out, StringComparison.Ordinal);
    }

    private static void AssertTokenOnlyMasked(PullRequestScenario s)
    {
        var lines = s.AllOutput().Split('\n').Where(l => l.Contains(Token, StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(["::add-mask::" + Token], lines);
    }
}
