using MlopsCi.GitHub.Actions;

namespace MlopsCi.GitHub.Tests.Actions;

public sealed class ActionsEnvironmentSpecs
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void Running_inside_actions_is_detected_from_GITHUB_ACTIONS(string? value, bool expected)
    {
        var env = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = value };

        Assert.Equal(expected, new ActionsEnvironment(env.GetValueOrDefault).IsGitHubActions);
    }

    [Fact]
    public void The_run_url_is_built_from_server_repository_and_run_id()
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_SERVER_URL"] = "https://ghe.example/",
            ["GITHUB_REPOSITORY"] = "octo-org/churn-model",
            ["GITHUB_RUN_ID"] = "1658821493",
            ["GITHUB_OUTPUT"] = "/tmp/out",
            ["GITHUB_STEP_SUMMARY"] = "/tmp/summary",
        };

        var actions = new ActionsEnvironment(env.GetValueOrDefault);

        Assert.Equal(new Uri("https://ghe.example/octo-org/churn-model/actions/runs/1658821493"), actions.RunUrl);
        Assert.Equal("/tmp/out", actions.OutputPath);
        Assert.Equal("/tmp/summary", actions.StepSummaryPath);
    }

    [Fact]
    public void Outside_actions_there_is_no_run_url()
    {
        Assert.Null(new ActionsEnvironment(_ => null).RunUrl);
    }

    [Fact]
    public void Every_variable_the_tool_reads_comes_from_the_lookup_and_blank_is_unset()
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = "/github/workflow/event.json",
            ["GITHUB_SHA"] = "6dcb09b",
            ["GITHUB_WORKSPACE"] = "/github/workspace",
            ["GITHUB_ACTOR"] = "monalisa",
            ["GITHUB_API_URL"] = "https://ghe.example/api/v3",
            ["GITHUB_REPOSITORY"] = " ",
            ["INPUT_SPEC"] = "models/mlops.yml",
        };

        var actions = new ActionsEnvironment(env.GetValueOrDefault);

        Assert.Equal(
            ("pull_request", "/github/workflow/event.json", "6dcb09b", "/github/workspace", "monalisa", "https://ghe.example/api/v3", "models/mlops.yml"),
            (actions.EventName, actions.EventPath, actions.Sha, actions.Workspace, actions.Actor, actions.ApiUrl, actions.Inputs.Get("spec")));
        Assert.Null(actions.Repository);
    }

    [Theory]
    [InlineData("gh-actions", "gh-cli", "gh-actions")]
    [InlineData(null, "gh-cli", "gh-cli")]
    [InlineData("", "gh-cli", "gh-cli")]
    [InlineData(null, null, null)]
    public void The_token_is_GITHUB_TOKEN_else_GH_TOKEN(string? githubToken, string? ghToken, string? expected)
    {
        var env = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = githubToken, ["GH_TOKEN"] = ghToken };

        Assert.Equal(expected, new ActionsEnvironment(env.GetValueOrDefault).Token);
    }

    [Fact]
    public void A_copy_with_another_repository_changes_the_repository_and_the_run_url_only()
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "octo-org/churn-model",
            ["GITHUB_RUN_ID"] = "7",
            ["GITHUB_SHA"] = "abc",
        };
        var actions = new ActionsEnvironment(env.GetValueOrDefault);

        var other = actions.WithRepository("octo-org/other");

        Assert.Equal(("octo-org/other", "abc"), (other.Repository, other.Sha));
        Assert.Equal(new Uri("https://github.com/octo-org/other/actions/runs/7"), other.RunUrl);
        Assert.Equal("octo-org/churn-model", actions.Repository);
        Assert.Same(actions, actions.WithRepository(null));
    }

    [Fact]
    public void A_copy_without_outputs_keeps_the_summary()
    {
        var env = new Dictionary<string, string> { ["GITHUB_OUTPUT"] = "/tmp/out", ["GITHUB_STEP_SUMMARY"] = "/tmp/summary" };

        var inner = new ActionsEnvironment(env.GetValueOrDefault).WithoutOutputs();

        Assert.Null(inner.OutputPath);
        Assert.Null(GitHubOutputWriter.FromEnvironment(inner));
        Assert.Equal("/tmp/summary", inner.StepSummaryPath);
    }
}
