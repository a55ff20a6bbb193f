using MlopsCi.Core.PullRequests;
using static MlopsCi.GitHub.Tests.FakeGitHubFixture;

namespace MlopsCi.GitHub.Tests;

public sealed class OctokitPullRequestHostStatusSpecs
{
    [Theory]
    [InlineData(CommitStatusState.Success, "success")]
    [InlineData(CommitStatusState.Failure, "failure")]
    [InlineData(CommitStatusState.Pending, "pending")]
    [InlineData(CommitStatusState.Error, "error")]
    public async Task A_status_is_posted_with_its_context_state_description_and_link(CommitStatusState state, string expected)
    {
        await using var server = await StartWithPullRequestAsync();
        var runUrl = new Uri("https://github.com/octo-org/churn-model/actions/runs/1");

        await Host(server).SetCommitStatusAsync(HeadSha, "mlops/gates", state, "rmse worse by 3.1%", runUrl, CancellationToken.None);

        var status = Assert.Single(server.Store.Statuses(Repository));
        Assert.Equal(HeadSha, status.Sha);
        Assert.Equal("mlops/gates", status.Context);
        Assert.Equal(expected, status.State);
        Assert.Equal("rmse worse by 3.1%", status.Description);
        Assert.Equal(runUrl.AbsoluteUri, status.TargetUrl);
        Assert.Single(server.RequestsTo("POST", $"/repos/{Repository}/statuses/{HeadSha}"));
    }

    [Fact]
    public async Task A_status_without_a_link_is_posted()
    {
        await using var server = await StartWithPullRequestAsync();

        await Host(server).SetCommitStatusAsync(HeadSha, "mlops/gates", CommitStatusState.Pending, "training", null, CancellationToken.None);

        Assert.Null(Assert.Single(server.Store.Statuses(Repository)).TargetUrl);
    }

    [Fact]
    public async Task A_description_over_140_characters_is_shortened_with_an_ellipsis()
    {
        await using var server = await StartWithPullRequestAsync();

        await Host(server).SetCommitStatusAsync(HeadSha, "mlops/gates", CommitStatusState.Failure, new string('d', 300), null, CancellationToken.None);

        var description = Assert.Single(server.Store.Statuses(Repository)).Description!;
        Assert.Equal(140, description.Length);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
    }
}
