using MlopsCi.Action.Tests.Container;
using MlopsCi.Action.Tests.Runner;
using MlopsCi.Action.Tests.Scenario;
using static MlopsCi.Action.Tests.Scenario.ActionScenario;

namespace MlopsCi.Action.Tests;

/// <summary>The entrypoint checks the inputs itself (the runner enforces neither required nor allowed values).</summary>
[Collection(ActionImageCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class ActionInputSpecs(ActionImage image)
{
    [Fact]
    public async Task Missing_required_inputs_stop_the_step_with_exit_code_2_before_anything_runs()
    {
        await using var s = await StartAsync(image, seedStore: false);

        var step = await s.OnPullRequestAsync("opened", 3, Sha1, ("command", ""), ("spec", " "));

        Assert.True(step.ExitCode == 2, step.ToString());
        var error = Assert.Single(step.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith("::error title=mlops action::2 inputs of the action need fixing", error, StringComparison.Ordinal);
        Assert.Contains("Input 'command' is required but empty", error, StringComparison.Ordinal);
        Assert.Contains("Input 'spec' is required but empty", error, StringComparison.Ordinal);
        StepAssert.NoOutputsBut(step, "none");
        Assert.Contains("### ✘ mlops action", step.Summary, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Requests);
        StepAssert.MaskedAndGrouped(step, Token);
    }

    [Fact]
    public async Task An_empty_token_is_refused_with_what_to_do()
    {
        await using var s = await StartAsync(image, seedStore: false);

        var step = await s.OnPullRequestAsync("opened", 3, Sha1, ("github-token", ""));

        Assert.Equal(2, step.ExitCode);
        Assert.Contains(step.Lines, l => l.StartsWith("::error title=mlops action::Input 'github-token' is required but empty: leave it out to use the workflow's token", StringComparison.Ordinal));
        Assert.Empty(s.GitHub.Requests);
    }

    [Fact]
    public async Task Invalid_values_are_all_named_in_one_error()
    {
        await using var s = await StartAsync(image, seedStore: false);

        var step = await s.OnPullRequestAsync("opened", 3, Sha1, ("command", "deploy"), ("required-approvals", "0"), ("fail-on-gate", "yes"));

        Assert.Equal(2, step.ExitCode);
        var error = Assert.Single(step.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains("3 inputs of the action need fixing", error, StringComparison.Ordinal);
        Assert.Contains("Input 'command' is 'deploy': use auto, sync, merge, close or retrain.", error, StringComparison.Ordinal);
        Assert.Contains("Input 'required-approvals' is '0': use a whole number of at least 1.", error, StringComparison.Ordinal);
        Assert.Contains("Input 'fail-on-gate' is 'yes', which is not a boolean: use true or false.", error, StringComparison.Ordinal);
        Assert.Contains("%0A- ", error, StringComparison.Ordinal); // line breaks escaped the runner's way
    }

    [Fact]
    public async Task A_workspace_without_the_spec_says_to_check_out_the_repository_first()
    {
        await using var s = await StartAsync(image, seedStore: false);

        var wrongFolder = await s.OnPullRequestAsync("opened", 3, Sha1, ("working-directory", "no-such-folder"));
        var noSpec = await s.OnPullRequestAsync("opened", 3, Sha1, ("spec", "ml/mlops.yml"));

        Assert.Equal((2, 2), (wrongFolder.ExitCode, noSpec.ExitCode));
        Assert.Contains("Input 'working-directory' is 'no-such-folder', which is not a folder of the workspace", wrongFolder.Out, StringComparison.Ordinal);
        Assert.Contains("Input 'spec' is 'ml/mlops.yml', but there is no such file in " + ContainerCheckout, noSpec.Out, StringComparison.Ordinal);
        Assert.All([wrongFolder, noSpec], step => Assert.Contains("actions/checkout", step.Out, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spec_error_is_annotated_at_its_file_and_line_in_the_repository()
    {
        await using var s = await StartAsync(image);
        s.WriteSpec(DefaultGates, extra: "\n  lable: churned");
        s.OpenPullRequest(3, Sha1);

        var step = await s.OnPullRequestAsync("opened", 3, Sha1);

        Assert.True(step.ExitCode == 2, step.ToString());
        var error = Assert.Single(step.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith($"::error file={Folder}/mlops.yml,line=14,title=mlops pr auto::mlops.yml line 14: unknown key 'lable'", error, StringComparison.Ordinal);
        StepAssert.NoOutputsBut(step, "none");
        StepAssert.MaskedAndGrouped(step, Token);
    }

    [Fact]
    public async Task With_merge_pr_false_an_approval_merges_nothing_and_calls_no_api()
    {
        await using var s = await StartAsync(image, seedStore: false);

        var step = await s.OnReviewAsync("approved", 3, Sha1, ("merge-pr", "false"));

        Assert.True(step.ExitCode == 0, step.ToString());
        StepAssert.NoOutputsBut(step, "none");
        Assert.Contains("merge-pr is false: an approval does not merge the data branch", step.Out, StringComparison.Ordinal);
        Assert.Contains("### ✔ mlops pr auto", step.Summary, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Requests);
    }
}
