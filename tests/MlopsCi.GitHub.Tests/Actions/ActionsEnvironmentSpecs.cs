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
}
