using MlopsCi.Core.PullRequests;
using static MlopsCi.GitHub.Tests.PullRequests.EventFixtures;

namespace MlopsCi.GitHub.Tests.PullRequests;

public sealed class PrCommandDeciderSpecs
{
    [Theory]
    [InlineData("pull_request.opened.json")]
    [InlineData("pull_request.synchronize.json")]
    [InlineData("pull_request.reopened.json")]
    [InlineData("pull_request.opened.fork.json")]
    public async Task Opening_or_pushing_to_a_pull_request_syncs_it(string file)
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("pull_request", file));

        Assert.Equal(PrCommand.Sync, decision.Command);
        Assert.Equal(42, decision.PullRequestNumber);
    }

    [Fact]
    public async Task A_merged_pull_request_is_merged()
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("pull_request", "pull_request.closed.merged.json"));

        Assert.Equal(PrCommand.Merge, decision.Command);
        Assert.Contains("merged", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pull_request_closed_unmerged_is_closed()
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("pull_request", "pull_request.closed.unmerged.json"));

        Assert.Equal(PrCommand.Close, decision.Command);
        Assert.Contains("without merging", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_actions_from_pull_request_target_decide_the_same()
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("pull_request_target", "pull_request.opened.fork.json"));

        Assert.Equal(PrCommand.Sync, decision.Command);
    }

    [Fact]
    public async Task A_label_change_does_nothing()
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("pull_request", "pull_request.labeled.json"));

        Assert.Equal(PrCommand.None, decision.Command);
        Assert.Contains("labeled", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_at_the_head_commit_merges()
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("pull_request_review", "pull_request_review.submitted.approved.json"));

        Assert.Equal(PrCommand.Merge, decision.Command);
        Assert.Contains("approved by hubot", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_approval_does_not_merge()
    {
        var decision = PrCommandDecider.Decide(
            await LoadAsync("pull_request_review", "pull_request_review.submitted.approved.stale.json"));

        Assert.Equal(PrCommand.None, decision.Command);
        Assert.Contains("older commit", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pull_request_review.submitted.commented.json", "commented")]
    [InlineData("pull_request_review.submitted.changes_requested.json", "changes_requested")]
    public async Task A_review_that_is_not_an_approval_does_nothing(string file, string state)
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("pull_request_review", file));

        Assert.Equal(PrCommand.None, decision.Command);
        Assert.Contains(state, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dismissed_review_does_nothing()
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("pull_request_review", "pull_request_review.dismissed.json"));

        Assert.Equal(PrCommand.None, decision.Command);
        Assert.Contains("dismissed", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_two_required_approvals_one_approval_waits_for_the_second()
    {
        var e = await LoadAsync("pull_request_review", "pull_request_review.submitted.approved.json");

        var decision = PrCommandDecider.Decide(e, reviews: [e.Review!], requiredApprovals: 2);

        Assert.Equal(PrCommand.None, decision.Command);
        Assert.Contains("1 of 2", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_two_required_approvals_an_earlier_approval_from_the_listed_reviews_completes_it()
    {
        var e = await LoadAsync("pull_request_review", "pull_request_review.submitted.approved.json");
        var earlier = new PullRequestReview(79, "monalisa", "APPROVED", HeadSha, new DateTimeOffset(2024, 5, 1, 11, 0, 0, TimeSpan.Zero));

        var decision = PrCommandDecider.Decide(e, reviews: [earlier], requiredApprovals: 2);

        Assert.Equal(PrCommand.Merge, decision.Command);
        Assert.Contains("2 of 2", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_of_a_closed_pull_request_does_nothing()
    {
        var e = await LoadAsync("pull_request_review", "pull_request_review.submitted.approved.json");

        var decision = PrCommandDecider.Decide(e with { PullRequestState = "closed" });

        Assert.Equal(PrCommand.None, decision.Command);
    }

    [Fact]
    public async Task An_event_not_about_a_pull_request_does_nothing()
    {
        var decision = PrCommandDecider.Decide(await LoadAsync("push", "push.json"));

        Assert.Equal(PrCommand.None, decision.Command);
        Assert.Null(decision.PullRequestNumber);
        Assert.Contains("push", decision.Reason, StringComparison.Ordinal);
    }
}
