using MlopsCi.Core.Errors;
using MlopsCi.Core.PullRequests;
using static MlopsCi.GitHub.Tests.FakeGitHubFixture;

namespace MlopsCi.GitHub.Tests;

public sealed class OctokitPullRequestHostCommentSpecs
{
    private const string Bot = OctokitPullRequestHost.ActionsBotLogin;

    [Fact]
    public async Task A_marker_comment_a_person_wrote_is_left_alone_and_the_bot_writes_its_own()
    {
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 1, _ => $"Why does {Marker} show up in the report?", "monalisa");

        var first = await Host(server).UpsertCommentAsync(42, Marker, $"{Marker}\nauc 0.91", CancellationToken.None);
        var second = await Host(server).UpsertCommentAsync(42, Marker, $"{Marker}\nauc 0.92", CancellationToken.None);

        Assert.True(first.Created);
        Assert.Equal(first.Id, second.Id);
        var comments = server.Store.Comments(Repository, 42);
        Assert.Equal([($"Why does {Marker} show up in the report?", "monalisa"), ($"{Marker}\nauc 0.92", Bot)], comments.Select(c => (c.Body, c.User)));
        Assert.Empty(server.RequestsTo("PATCH", $"/issues/comments/{comments[0].Id}"));
    }

    [Fact]
    public async Task With_a_personal_token_only_comments_of_its_own_user_are_matched()
    {
        await using var server = await StartWithPullRequestAsync();
        server.Store.TokenUser = "mlops-bot";
        server.SeedComments(Repository, 42, 1, _ => $"{Marker}\nold report of the actions bot", Bot);
        server.SeedComments(Repository, 42, 1, _ => $"{Marker}\nold report", "mlops-bot");

        var result = await Host(server).UpsertCommentAsync(42, Marker, $"{Marker}\nnew report", CancellationToken.None);

        var comments = server.Store.Comments(Repository, 42);
        Assert.Equal(comments[1].Id, result.Id);
        Assert.Equal([$"{Marker}\nold report of the actions bot", $"{Marker}\nnew report"], comments.Select(c => c.Body));
        Assert.Single(server.RequestsTo("GET", "/user"));
    }
    [Fact]
    public async Task The_first_upsert_creates_the_comment_and_the_next_edits_it_in_place()
    {
        await using var server = await StartWithPullRequestAsync();
        var host = Host(server);

        var first = await host.UpsertCommentAsync(42, Marker, $"{Marker}\nrmse 0.41", CancellationToken.None);
        var second = await host.UpsertCommentAsync(42, Marker, $"{Marker}\nrmse 0.39", CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(new Uri($"https://github.example/{Repository}/pull/42#issuecomment-{first.Id}"), second.HtmlUrl);
        var comment = Assert.Single(server.Store.Comments(Repository, 42));
        Assert.Equal($"{Marker}\nrmse 0.39", comment.Body);
        Assert.Single(server.RequestsTo("POST", "/issues/42/comments"));
        Assert.Single(server.RequestsTo("PATCH", $"/issues/comments/{first.Id}"));
    }

    [Fact]
    public async Task The_marker_comment_on_page_3_of_80_is_edited_and_no_second_comment_is_made()
    {
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 60);
        server.SeedComments(Repository, 42, 1, _ => $"{Marker}\nold report", "github-actions[bot]");
        server.SeedComments(Repository, 42, 19, i => $"Later comment {i}");
        var markerId = server.Store.Comments(Repository, 42)[60].Id;

        var result = await Host(server, pageSize: 30).UpsertCommentAsync(42, Marker, $"{Marker}\nnew report", CancellationToken.None);

        Assert.False(result.Created);
        Assert.Equal(markerId, result.Id);
        var comments = server.Store.Comments(Repository, 42);
        Assert.Equal(80, comments.Count);
        Assert.Equal($"{Marker}\nnew report", comments[60].Body);
        var pages = server.RequestsTo("GET", "/issues/42/comments");
        Assert.Equal(["1", "2", "3"], pages.Select(r => r.QueryValue("page")));
        Assert.All(pages, r => Assert.Equal("30", r.QueryValue("per_page")));
        Assert.Empty(server.RequestsTo("POST", "/issues/42/comments"));
    }

    [Fact]
    public async Task With_the_default_page_size_a_marker_on_page_3_is_found()
    {
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 250, i => i == 230 ? $"{Marker} report" : $"Comment {i}", Bot);

        var result = await Host(server).UpsertCommentAsync(42, Marker, $"{Marker} newer", CancellationToken.None);

        Assert.False(result.Created);
        Assert.Equal($"{Marker} newer", server.Store.Comments(Repository, 42)[229].Body);
        Assert.Equal(3, server.RequestsTo("GET", "/issues/42/comments").Count);
        Assert.Equal(250, server.Store.Comments(Repository, 42).Count);
    }

    [Fact]
    public async Task Paging_stops_at_the_page_holding_the_marker()
    {
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 80, i => i == 2 ? $"{Marker} report" : $"Comment {i}", Bot);

        await Host(server, pageSize: 30).UpsertCommentAsync(42, Marker, $"{Marker} newer", CancellationToken.None);

        Assert.Single(server.RequestsTo("GET", "/issues/42/comments"));
    }

    [Fact]
    public async Task Without_a_marker_comment_every_page_is_read_before_creating_one()
    {
        await using var server = await StartWithPullRequestAsync();
        server.SeedComments(Repository, 42, 80);

        var result = await Host(server, pageSize: 30).UpsertCommentAsync(42, Marker, $"{Marker} report", CancellationToken.None);

        Assert.True(result.Created);
        Assert.Equal(3, server.RequestsTo("GET", "/issues/42/comments").Count);
        Assert.Equal(81, server.Store.Comments(Repository, 42).Count);
    }

    [Fact]
    public async Task A_body_without_the_marker_gets_it_so_the_next_upsert_finds_the_comment()
    {
        await using var server = await StartWithPullRequestAsync();
        var host = Host(server);

        var first = await host.UpsertCommentAsync(42, Marker, "report without marker", CancellationToken.None);
        var second = await host.UpsertCommentAsync(42, Marker, "second report", CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal($"{Marker}\nsecond report", Assert.Single(server.Store.Comments(Repository, 42)).Body);
    }

    [Fact]
    public async Task A_body_over_65536_characters_is_refused_before_any_request()
    {
        await using var server = await StartWithPullRequestAsync();
        var body = Marker + new string('x', PullRequestLimits.MaxCommentLength);

        var ex = await Assert.ThrowsAsync<InvalidInputException>(
            () => Host(server).UpsertCommentAsync(42, Marker, body, CancellationToken.None));

        Assert.Contains("65,536", ex.Message, StringComparison.Ordinal);
        Assert.Contains("#42", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_body_of_exactly_65536_characters_is_posted()
    {
        await using var server = await StartWithPullRequestAsync();
        var body = Marker + new string('x', PullRequestLimits.MaxCommentLength - Marker.Length);

        var result = await Host(server).UpsertCommentAsync(42, Marker, body, CancellationToken.None);

        Assert.True(result.Created);
        Assert.Equal(PullRequestLimits.MaxCommentLength, Assert.Single(server.Store.Comments(Repository, 42)).Body.Length);
    }
}
