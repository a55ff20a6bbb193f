using MlopsCi.Core.Errors;
using MlopsCi.Core.PullRequests;

namespace MlopsCi.GitHub.Tests.PullRequests;

public sealed class ApprovalPolicySpecs
{
    private const string Head = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private const string Old = "9c48853fa3dc5c1c3d6f1f1cd1f2743e72652840";
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static PullRequestReview Review(long id, string user, string state, string commit = Head, int minute = 0) =>
        new(id, user, state, commit, T0.AddMinutes(minute));

    [Fact]
    public void An_approval_at_the_head_commit_approves()
    {
        var result = ApprovalPolicy.Evaluate([Review(1, "alice", "APPROVED")], Head, 1);

        Assert.True(result.Approved);
        Assert.Equal(1, result.Count);
        Assert.Equal(["alice"], result.Approvers);
        Assert.Contains("1 of 1 required approval at head 6dcb09b", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_reviews_do_not_approve()
    {
        var result = ApprovalPolicy.Evaluate([], Head, 1);

        Assert.False(result.Approved);
        Assert.Equal(0, result.Count);
        Assert.StartsWith("0 of 1", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("APPROVED")]
    [InlineData("Approved")]
    public void The_state_is_compared_ignoring_case(string state)
    {
        Assert.True(ApprovalPolicy.Evaluate([Review(1, "alice", state)], Head, 1).Approved);
    }

    [Fact]
    public void A_stale_approval_on_an_older_commit_does_not_count()
    {
        var result = ApprovalPolicy.Evaluate([Review(1, "alice", "APPROVED", Old)], Head, 1);

        Assert.False(result.Approved);
        Assert.Equal(0, result.Count);
        Assert.Contains("alice's approval is for an older commit (9c48853)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_after_an_approval_keeps_the_approval()
    {
        var reviews = new[] { Review(1, "alice", "APPROVED", minute: 0), Review(2, "alice", "COMMENTED", minute: 5) };

        var result = ApprovalPolicy.Evaluate(reviews, Head, 1);

        Assert.True(result.Approved);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void A_comment_on_the_head_does_not_refresh_a_stale_approval()
    {
        var reviews = new[] { Review(1, "alice", "APPROVED", Old, 0), Review(2, "alice", "commented", Head, 5) };

        Assert.False(ApprovalPolicy.Evaluate(reviews, Head, 1).Approved);
    }

    [Fact]
    public void Changes_requested_after_an_approval_withdraws_it()
    {
        var reviews = new[] { Review(1, "alice", "APPROVED", minute: 0), Review(2, "alice", "CHANGES_REQUESTED", minute: 5) };

        var result = ApprovalPolicy.Evaluate(reviews, Head, 1);

        Assert.False(result.Approved);
        Assert.Contains("alice requested changes", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_after_changes_requested_counts()
    {
        var reviews = new[] { Review(1, "alice", "CHANGES_REQUESTED", minute: 0), Review(2, "alice", "APPROVED", minute: 5) };

        Assert.True(ApprovalPolicy.Evaluate(reviews, Head, 1).Approved);
    }

    [Fact]
    public void A_dismissed_approval_does_not_count()
    {
        // REST shows a dismissed approval with state DISMISSED.
        var result = ApprovalPolicy.Evaluate([Review(1, "alice", "DISMISSED")], Head, 1);

        Assert.False(result.Approved);
        Assert.Equal(0, result.Count);
    }

    [Fact]
    public void A_dismissal_after_an_approval_withdraws_it_but_a_later_approval_counts_again()
    {
        var dismissed = new[] { Review(1, "alice", "APPROVED", minute: 0), Review(2, "alice", "dismissed", minute: 5) };
        var reapproved = dismissed.Append(Review(3, "alice", "approved", minute: 9));

        Assert.False(ApprovalPolicy.Evaluate(dismissed, Head, 1).Approved);
        Assert.True(ApprovalPolicy.Evaluate(reapproved, Head, 1).Approved);
    }

    [Fact]
    public void Two_required_approvals_need_two_reviewers()
    {
        var one = new[] { Review(1, "alice", "APPROVED") };
        var two = one.Append(Review(2, "bob", "APPROVED", minute: 1)).ToArray();

        var notYet = ApprovalPolicy.Evaluate(one, Head, 2);
        var approved = ApprovalPolicy.Evaluate(two, Head, 2);

        Assert.False(notYet.Approved);
        Assert.StartsWith("1 of 2 required approvals", notYet.Reason, StringComparison.Ordinal);
        Assert.True(approved.Approved);
        Assert.Equal(["alice", "bob"], approved.Approvers);
        Assert.Contains("approved by alice, bob", approved.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_reviewer_approving_twice_counts_once()
    {
        var reviews = new[] { Review(1, "alice", "APPROVED", minute: 0), Review(2, "alice", "APPROVED", minute: 3) };

        var result = ApprovalPolicy.Evaluate(reviews, Head, 2);

        Assert.False(result.Approved);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public void Two_reviewers_where_one_approval_is_stale_do_not_satisfy_two_required()
    {
        var reviews = new[] { Review(1, "alice", "APPROVED", Old, 0), Review(2, "bob", "APPROVED", Head, 1) };

        var result = ApprovalPolicy.Evaluate(reviews, Head, 2);

        Assert.False(result.Approved);
        Assert.Equal(["bob"], result.Approvers);
    }

    [Fact]
    public void Reviews_are_replayed_in_submission_order_not_list_order()
    {
        var reviews = new[] { Review(2, "alice", "CHANGES_REQUESTED", minute: 10), Review(1, "alice", "APPROVED", minute: 0) };

        Assert.False(ApprovalPolicy.Evaluate(reviews, Head, 1).Approved);
    }

    [Fact]
    public void Pending_reviews_and_reviews_without_a_user_are_ignored()
    {
        var reviews = new[]
        {
            Review(1, "alice", "APPROVED", minute: 0),
            new PullRequestReview(2, "alice", "PENDING", Head, null),
            Review(3, string.Empty, "APPROVED", minute: 1),
        };

        var result = ApprovalPolicy.Evaluate(reviews, Head, 1);

        Assert.True(result.Approved);
        Assert.Equal(["alice"], result.Approvers);
    }

    [Fact]
    public void Reviewer_logins_are_compared_ignoring_case()
    {
        var reviews = new[] { Review(1, "Alice", "APPROVED", minute: 0), Review(2, "alice", "CHANGES_REQUESTED", minute: 1) };

        Assert.False(ApprovalPolicy.Evaluate(reviews, Head, 1).Approved);
    }

    [Fact]
    public void Fewer_than_one_required_approval_is_refused()
    {
        var ex = Assert.Throws<InvalidInputException>(() => ApprovalPolicy.Evaluate([], Head, 0));

        Assert.Contains("at least 1", ex.Message, StringComparison.Ordinal);
    }
}
