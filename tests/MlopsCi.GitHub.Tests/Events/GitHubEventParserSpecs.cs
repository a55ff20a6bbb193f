using MlopsCi.Core.Errors;
using MlopsCi.Core.PullRequests;
using MlopsCi.GitHub.Actions;
using MlopsCi.GitHub.Events;
using static MlopsCi.GitHub.Tests.PullRequests.EventFixtures;

namespace MlopsCi.GitHub.Tests.Events;

public sealed class GitHubEventParserSpecs
{
    [Theory]
    [InlineData("pull_request.opened.json", "opened")]
    [InlineData("pull_request.synchronize.json", "synchronize")]
    [InlineData("pull_request.reopened.json", "reopened")]
    public async Task An_open_pull_request_event_gives_its_number_head_and_base(string file, string action)
    {
        var e = await LoadAsync("pull_request", file);

        Assert.Equal("pull_request", e.Name);
        Assert.Equal(action, e.Action);
        Assert.Equal(42, e.PullRequestNumber);
        Assert.Equal(HeadSha, e.HeadSha);
        Assert.Equal("data/march", e.HeadRef);
        Assert.Equal("main", e.BaseRef);
        Assert.Equal("open", e.PullRequestState);
        Assert.Equal("octo-org/churn-model", e.RepositoryFullName);
        Assert.False(e.Merged);
        Assert.False(e.IsFork);
        Assert.Null(e.Review);
        Assert.True(e.IsPullRequestEvent);
    }

    [Fact]
    public async Task A_merged_close_is_flagged_merged()
    {
        var e = await LoadAsync("pull_request", "pull_request.closed.merged.json");

        Assert.Equal("closed", e.Action);
        Assert.Equal("closed", e.PullRequestState);
        Assert.True(e.Merged);
    }

    [Fact]
    public async Task An_unmerged_close_is_not_flagged_merged()
    {
        var e = await LoadAsync("pull_request", "pull_request.closed.unmerged.json");

        Assert.Equal("closed", e.Action);
        Assert.False(e.Merged);
    }

    [Fact]
    public async Task A_pull_request_from_another_repository_is_a_fork()
    {
        var e = await LoadAsync("pull_request", "pull_request.opened.fork.json");

        Assert.True(e.IsFork);
        Assert.Equal("octo-org/churn-model", e.RepositoryFullName);
    }

    [Fact]
    public void A_pull_request_whose_fork_was_deleted_is_a_fork()
    {
        const string json = """
            {"action":"closed","number":7,"pull_request":{"number":7,"state":"closed","merged":false,
             "head":{"ref":"x","sha":"abc","repo":null},"base":{"ref":"main","repo":{"full_name":"o/r"}}},
             "repository":{"full_name":"o/r"}}
            """;

        var e = GitHubEventParser.Parse("pull_request_target", json);

        Assert.True(e.IsFork);
        Assert.Equal(7, e.PullRequestNumber);
    }

    [Theory]
    [InlineData("pull_request_review.submitted.approved.json", "submitted", "approved", HeadSha)]
    [InlineData("pull_request_review.submitted.approved.stale.json", "submitted", "approved", OldSha)]
    [InlineData("pull_request_review.submitted.commented.json", "submitted", "commented", HeadSha)]
    [InlineData("pull_request_review.submitted.changes_requested.json", "submitted", "changes_requested", HeadSha)]
    [InlineData("pull_request_review.dismissed.json", "dismissed", "dismissed", HeadSha)]
    public async Task A_review_event_gives_the_review_state_and_commit(string file, string action, string state, string commit)
    {
        var e = await LoadAsync("pull_request_review", file);

        Assert.Equal(action, e.Action);
        Assert.Equal(42, e.PullRequestNumber);
        Assert.Equal(HeadSha, e.HeadSha);
        Assert.Equal("main", e.BaseRef);
        Assert.False(e.Merged);
        var review = Assert.IsType<PullRequestReview>(e.Review);
        Assert.Equal(80, review.Id);
        Assert.Equal("hubot", review.User);
        Assert.Equal(state, review.State);
        Assert.Equal(commit, review.CommitId);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), review.SubmittedAt);
    }

    [Fact]
    public async Task An_event_not_about_a_pull_request_has_no_pull_request_fields()
    {
        var e = await LoadAsync("push", "push.json");

        Assert.False(e.IsPullRequestEvent);
        Assert.Null(e.PullRequestNumber);
        Assert.Null(e.HeadSha);
        Assert.Equal("octo-org/churn-model", e.RepositoryFullName);
    }

    [Fact]
    public async Task The_event_is_read_from_the_environment()
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = PathOf("pull_request.synchronize.json"),
        };

        var e = await GitHubEventParser.FromEnvironmentAsync(new ActionsEnvironment(env.GetValueOrDefault), CancellationToken.None);

        Assert.Equal("synchronize", e.Action);
        Assert.Equal(42, e.PullRequestNumber);
    }

    [Fact]
    public async Task A_missing_event_variable_is_refused_with_both_names()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(
            () => GitHubEventParser.FromEnvironmentAsync(new ActionsEnvironment(_ => null), CancellationToken.None));

        Assert.Contains("GITHUB_EVENT_NAME", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GITHUB_EVENT_PATH", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_payload_file_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "mlops-no-such-event.json");

        var ex = await Assert.ThrowsAsync<InvalidInputException>(
            () => GitHubEventParser.ParseFileAsync("pull_request", path, CancellationToken.None));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public void A_payload_that_is_not_a_json_object_is_refused(string json)
    {
        var ex = Assert.Throws<InvalidInputException>(() => GitHubEventParser.Parse("pull_request", json));

        Assert.Contains("pull_request", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_of_another_shape_is_refused_with_its_file_and_the_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mlops-event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"action":"opened","pull_request":{"number":"forty-two"}}""");
        try
        {
            var ex = await Assert.ThrowsAsync<InvalidInputException>(
                () => GitHubEventParser.ParseFileAsync("pull_request", path, CancellationToken.None));

            Assert.Equal(2, ex.ExitCode);
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("webhook payload at $.pull_request.number (", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", ex.Message, StringComparison.Ordinal);
            Assert.Contains("GitHub's 'pull_request' webhook payload", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("pull_request")]
    [InlineData("pull_request_review")]
    [InlineData("workflow_dispatch")]
    public void An_empty_payload_is_an_event_without_a_pull_request(string eventName)
    {
        var e = GitHubEventParser.Parse(eventName, "{}");

        Assert.Equal(new PullRequestEvent(eventName, null, null, null, null, null, null, null, false, false, null), e);
    }

    [Fact]
    public void A_push_whose_repository_times_are_unix_seconds_parses()
    {
        const string json = """
            {"ref":"refs/heads/main","after":"abc","repository":{"full_name":"o/r","created_at":1714000000,"pushed_at":1714000001,
             "owner":{"login":"o","type":"Organization"}},"pusher":{"name":"monalisa"}}
            """;

        var e = GitHubEventParser.Parse("push", json);

        Assert.Equal(new PullRequestEvent("push", null, "o/r", null, null, null, null, null, false, false, null), e);
    }
}
