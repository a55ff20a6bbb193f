using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>What keeps data out of main: stale approvals, reviews that are not approvals, conflicts and failing gates.</summary>
[Trait("Speed", "Slow")]
public sealed class MergeGuardSpecs
{
    [Fact]
    public async Task An_approval_of_an_older_commit_does_not_merge()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha2);
        await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("synchronize", 1, Sha2), "sync");
        var mainBefore = await s.CommitCountAsync("main");
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, 1, new("hubot", "APPROVED", Sha1, DateTimeOffset.UtcNow));

        var stale = await s.RunEventAsync("pull_request_review", WebhookPayloads.Review("submitted", "approved", 1, Sha1, Sha2), "merge");

        Assert.True(stale.ExitCode == 0, stale.ToString());
        Assert.Contains("Not merged", stale.Out, StringComparison.Ordinal);
        Assert.Contains("approval is for an older commit (1a1a1a1)", stale.Out, StringComparison.Ordinal);
        Assert.Equal(mainBefore, await s.CommitCountAsync("main"));
        Assert.Empty(await s.VersionsAsync());
        Assert.NotNull(await (await s.OpenRepositoryAsync()).TryGetBranchAsync("pr-1", CancellationToken.None));
    }

    [Theory]
    [InlineData("submitted", "commented")]
    [InlineData("submitted", "changes_requested")]
    [InlineData("dismissed", "dismissed")]
    public async Task A_review_that_is_not_an_approval_does_nothing(string action, string state)
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1);

        var result = await s.RunEventAsync("pull_request_review", WebhookPayloads.Review(action, state, 1, Sha1, Sha1), "auto");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("nothing to do", result.Out, StringComparison.Ordinal);
        Assert.Empty(s.Comments(1));
        Assert.Null(await (await s.OpenRepositoryAsync()).TryGetBranchAsync("pr-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_conflict_exits_1_and_names_the_paths_in_the_comment()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1);
        await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");
        var other = Path.Combine(s.Checkout, "..", "other");
        Directory.CreateDirectory(other);
        await File.WriteAllTextAsync(Path.Combine(other, "customers.csv"), ChurnData.Csv(1, 500) + ChurnData.Rows(9, 50));
        var changed = await s.MlopsAsync("data", "commit", "main", other, "--prefix", "churn", "-m", "Another pull request's rows");
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, 1, new("hubot", "APPROVED", Sha1, DateTimeOffset.UtcNow));

        var merge = await s.RunEventAsync("pull_request_review", WebhookPayloads.Review("submitted", "approved", 1, Sha1, Sha1), "auto");

        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.True(merge.ExitCode == 1, merge.ToString());
        var comment = Assert.Single(s.Comments(1)).Body;
        Assert.Contains("❌ **Merge conflict**", comment, StringComparison.Ordinal);
        Assert.Contains("> - `" + DataFile + "`", comment, StringComparison.Ordinal);
        Assert.Empty(await s.VersionsAsync());
    }

    [Fact]
    public async Task A_failing_gate_sets_a_failure_status_exits_1_and_blocks_the_merge()
    {
        await using var s = await StartAsync("  - { metric: auc, min: 0.999 }");
        s.OpenPullRequest(1, Sha1);
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, 1, new("hubot", "APPROVED", Sha1, DateTimeOffset.UtcNow));

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");
        var merge = await s.RunEventAsync("pull_request_review", WebhookPayloads.Review("submitted", "approved", 1, Sha1, Sha1), "merge");

        Assert.True(sync.ExitCode == 1, sync.ToString());
        Assert.Equal(["pending", "failure"], s.Statuses().Select(x => x.State));
        var status = s.Statuses()[^1];
        Assert.Equal(("failure", "mlops-ci/churn"), (status.State, status.Context));
        Assert.StartsWith("Gate failed: auc", status.Description, StringComparison.Ordinal);
        Assert.True(merge.ExitCode == 1, merge.ToString());
        Assert.Contains("🚫 **Not merged** — a gate fails", Assert.Single(s.Comments(1)).Body, StringComparison.Ordinal);
        Assert.Empty(await s.VersionsAsync());
    }
}
