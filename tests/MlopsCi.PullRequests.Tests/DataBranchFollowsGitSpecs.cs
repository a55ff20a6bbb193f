using MlopsCi.Core.Training.Runs;
using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>
/// The data branch starts from the data of the pull request's git merge base (the real <c>mlops</c> process, a local
/// store, real ML.NET training and the fake GitHub's compare API over a drawn git history).
/// </summary>
public sealed class DataBranchFollowsGitSpecs
{
    private const string Root = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";
    private const string Merge1 = "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";
    private const string Sha3 = "3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c";
    private const string Regions = "region,plan_share\nnorth,0.4\nsouth,0.6\n";

    [Fact]
    public async Task A_stale_pull_request_checkout_does_not_delete_files_main_gained_since_it_branched()
    {
        await using var s = await StartAsync(mainGitSha: Root);
        s.GitCommit(Root);
        s.GitBranch("main", Root);
        // Pull request #1 adds a file to the data and is merged.
        s.WriteCheckoutData(ChurnData.Csv(1, 500));
        s.WriteCheckout("data/regions.csv", Regions);
        await MergePullRequestAsync(s, 1, Sha1);
        // Pull request #2 branched before #1 was merged: its checkout has newer customers, no regions.csv.
        s.GitCommit(Sha2, Root);
        s.DeleteCheckout("data/regions.csv");
        s.WriteCheckoutData(ChurnData.Csv(1, 500) + ChurnData.Rows(2, 500));
        s.OpenPullRequest(2, Sha2);

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 2, Sha2), "sync");
        var pr2 = await s.PathsAsync("pr-2", "churn");
        var comment = Assert.Single(s.Comments(2)).Body;
        var merge = await ApproveAsync(s, 2, Sha2);

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.True(merge.ExitCode == 0, merge.ToString());
        Assert.DoesNotContain("regions.csv", comment, StringComparison.Ordinal);
        Assert.Equal([DataFile], pr2);
        Assert.Equal(["churn/customers.csv", "churn/regions.csv"], await s.PathsAsync("main", "churn"));
        Assert.Equal(Regions, await s.ReadDataAsync("main", "churn/regions.csv"));
        Assert.Equal(1001, (await s.ReadDataAsync("main", DataFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var mergeCommit = (await (await s.OpenRepositoryAsync()).LogAsync("main", 1, CancellationToken.None))[0];
        Assert.Equal(Sha2, mergeCommit.Metadata[RunTags.GitSha]);
        Assert.Contains($"merge base {Root[..7]}", sync.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_conflict_merging_main_into_the_pull_request_rebuilds_the_data_branch_and_the_approval_merges()
    {
        await using var s = await StartAsync(mainGitSha: Root);
        s.GitCommit(Root);
        s.GitBranch("main", Root);
        await MergePullRequestAsync(s, 1, Sha1);
        s.GitCommit(Sha2, Root);
        s.WriteCheckoutData(ChurnData.Csv(1, 500) + ChurnData.Rows(3, 300));
        s.OpenPullRequest(2, Sha2);
        await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 2, Sha2), "sync");
        var conflict = await ApproveAsync(s, 2, Sha2);
        var conflictComment = Assert.Single(s.Comments(2)).Body;

        // The git way: merge main into the pull request's branch (resolving the file) and push.
        s.GitCommit(Sha3, Sha2, Merge1);
        s.WriteCheckoutData(ChurnData.Csv(1, 500) + ChurnData.Rows(2, 500) + ChurnData.Rows(3, 300));
        s.OpenPullRequest(2, Sha3);
        var resync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("synchronize", 2, Sha3), "sync");
        var merge = await ApproveAsync(s, 2, Sha3);

        Assert.True(conflict.ExitCode == 1, conflict.ToString());
        Assert.Contains("❌ **Merge conflict**", conflictComment, StringComparison.Ordinal);
        Assert.Contains("> - `" + DataFile + "`", conflictComment, StringComparison.Ordinal);
        Assert.Contains("merge `main` into the pull request's branch and push", conflictComment, StringComparison.Ordinal);
        Assert.True(resync.ExitCode == 0, resync.ToString());
        Assert.Contains("rebuilt data branch pr-2", resync.Out, StringComparison.Ordinal);
        Assert.Contains($"merge base {Merge1[..7]}", resync.Out, StringComparison.Ordinal);
        Assert.True(merge.ExitCode == 0, merge.ToString());
        Assert.Contains("🚀 **Merged**", Assert.Single(s.Comments(2)).Body, StringComparison.Ordinal);
        Assert.Equal(1301, (await s.ReadDataAsync("main", DataFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, (await s.ChampionAsync())?.Version);
    }

    [Fact]
    public async Task A_merge_base_no_data_commit_records_falls_back_to_mains_head_and_says_so()
    {
        await using var s = await StartAsync();
        s.GitCommit(Root);
        s.GitCommit(Sha1, Root);
        s.GitBranch("main", Root);
        s.OpenPullRequest(1, Sha1);

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        var main = (await (await s.OpenRepositoryAsync()).ResolveAsync("main", CancellationToken.None)).Id;
        Assert.Contains($"pr-1 starts from main's head {main[..12]}: no data commit of main records git merge base {Root[..7]} or an ancestor of it", sync.Out, StringComparison.Ordinal);
        Assert.Single(s.GitHub.RequestsTo("GET", $"/compare/main...{Sha1}"));
    }

    [Fact]
    public async Task A_token_that_may_not_compare_commits_falls_back_to_mains_head_and_says_why()
    {
        await using var s = await StartAsync(mainGitSha: Root);
        s.GitCommit(Root);
        s.GitCommit(Sha1, Root);
        s.GitBranch("main", Root);
        s.GitHub.Fail(Testing.FakeGitHub.FakeRoute.Compare, 403);
        s.OpenPullRequest(1, Sha1);

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Contains("pr-1 starts from main's head", sync.Out, StringComparison.Ordinal);
        Assert.Contains("the git merge base could not be read: GitHub refused comparing main...", sync.Out, StringComparison.Ordinal);
        Assert.Contains("contents: read", sync.Out, StringComparison.Ordinal);
        Assert.Contains("Waiting for approval", Assert.Single(s.Comments(1)).Body, StringComparison.Ordinal);
    }

    // Opens, syncs and approves a pull request whose head is a child of Root; GitHub then merges it (Merge1 on main).
    private static async Task MergePullRequestAsync(PullRequestScenario s, int number, string head)
    {
        s.GitCommit(head, Root);
        s.OpenPullRequest(number, head);
        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", number, head), "sync");
        var merge = await ApproveAsync(s, number, head);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.True(merge.ExitCode == 0, merge.ToString());
        s.GitCommit(Merge1, Root, head);
        s.GitBranch("main", Merge1);
    }

    private static async Task<Cli.Tests.MlopsProcess.Result> ApproveAsync(PullRequestScenario s, int number, string head)
    {
        s.GitHub.Store.AddReview(WebhookPayloads.Repository, number, new("hubot", "APPROVED", head, DateTimeOffset.UtcNow));
        return await s.RunEventAsync("pull_request_review", WebhookPayloads.Review("submitted", "approved", number, head, head), "merge");
    }
}
