using MlopsCi.Core.PullRequests;
using MlopsCi.GitHub.Events;
using static MlopsCi.GitHub.Tests.PullRequests.EventFixtures;

namespace MlopsCi.GitHub.Tests.Events;

/// <summary>
/// Every webhook fixture parses to the whole event, field by field, and so does each hand-made shape the lifecycle
/// meets (an action GitHub may add later, another event carrying a pull request, a fork whose repository is gone).
/// </summary>
public sealed class EventFixtureParsingSpecs
{
    private const string Repo = "octo-org/churn-model";
    private static readonly DateTimeOffset ReviewedAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Fixtures => new()
    {
        { "pull_request", "pull_request.closed.merged.json" },
        { "pull_request", "pull_request.closed.unmerged.json" },
        { "pull_request", "pull_request.labeled.json" },
        { "pull_request", "pull_request.opened.fork.json" },
        { "pull_request_target", "pull_request.opened.fork.json" },
        { "pull_request", "pull_request.opened.json" },
        { "pull_request", "pull_request.reopened.json" },
        { "pull_request", "pull_request.synchronize.json" },
        { "pull_request_review", "pull_request_review.dismissed.json" },
        { "pull_request_review", "pull_request_review.submitted.approved.json" },
        { "pull_request_review", "pull_request_review.submitted.approved.stale.json" },
        { "pull_request_review", "pull_request_review.submitted.changes_requested.json" },
        { "pull_request_review", "pull_request_review.submitted.commented.json" },
        { "push", "push.json" },
        { "workflow_dispatch", "push.json" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_fixture_parses_to_every_field_it_carries(string eventName, string file)
    {
        var parsed = await LoadAsync(eventName, file);

        Assert.Equal(Expected(eventName, file), parsed);
    }

    [Fact]
    public void An_action_the_lifecycle_does_not_know_still_parses()
    {
        var e = GitHubEventParser.Parse("pull_request", Minimal("auto_merge_enabled", headRepo: "{\"full_name\":\"o/r\"}"));

        Assert.Equal(new PullRequestEvent("pull_request", "auto_merge_enabled", "o/r", 7, "abc", "x", "main", "open", false, false, null), e);
    }

    [Fact]
    public void Another_event_that_carries_a_pull_request_gives_its_fields()
    {
        var e = GitHubEventParser.Parse("pull_request_review_comment", Minimal("created", headRepo: "{\"full_name\":\"o/r\"}"));

        Assert.Equal(new PullRequestEvent("pull_request_review_comment", "created", "o/r", 7, "abc", "x", "main", "open", false, false, null), e);
    }

    [Fact]
    public void The_number_falls_back_to_the_payload_root_and_the_repository_to_the_base()
    {
        const string json = """
            {"action":"opened","number":9,"pull_request":{"state":"open",
             "head":{"ref":"x","sha":"abc","repo":{"full_name":"o/r"}},"base":{"ref":"main","repo":{"full_name":"o/r"}}}}
            """;

        var e = GitHubEventParser.Parse("pull_request", json);

        Assert.Equal(new PullRequestEvent("pull_request", "opened", "o/r", 9, "abc", "x", "main", "open", false, false, null), e);
    }

    private static string Minimal(string action, string headRepo) =>
        "{\"action\":\"" + action + "\",\"pull_request\":{\"number\":7,\"state\":\"open\",\"merged\":false," +
        "\"head\":{\"ref\":\"x\",\"sha\":\"abc\",\"repo\":" + headRepo + "},\"base\":{\"ref\":\"main\",\"repo\":{\"full_name\":\"o/r\"}}}," +
        "\"repository\":{\"full_name\":\"o/r\"}}";

    private static PullRequestEvent Expected(string eventName, string file)
    {
        var parts = file.Split('.');
        if (parts[0] == "push")
            return new PullRequestEvent(eventName, null, Repo, null, null, null, null, null, false, false, null);
        if (parts[0] == "pull_request_review")
        {
            var state = parts[1] == "dismissed" ? "dismissed" : parts[2];
            var commit = parts.Contains("stale") ? OldSha : HeadSha;
            return new PullRequestEvent(eventName, parts[1], Repo, 42, HeadSha, "data/march", "main", "open", false, false,
                new PullRequestReview(80, "hubot", state, commit, ReviewedAt));
        }

        var closed = parts[1] == "closed";
        return new PullRequestEvent(eventName, parts[1], Repo, 42, HeadSha, "data/march", "main", closed ? "closed" : "open",
            closed && parts[2] == "merged", parts.Contains("fork"), null);
    }
}
