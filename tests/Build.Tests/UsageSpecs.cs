using MlopsCi.Core.Tests;

namespace MlopsCi.BuildScript.Tests;

public sealed class UsageSpecs : IDisposable
{
    private readonly TempFolder _root = new(".nuke");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_unknown_target_exits_2_and_lists_the_valid_targets()
    {
        var run = await RunAsync(["A", "Deploy"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Target 'Deploy' does not exist. Valid targets: A, B, C, D, E, Paint.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ran", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_parameter_exits_2_and_lists_the_valid_parameters()
    {
        var run = await RunAsync(["A", "--colour", "red"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            "Parameter '--colour' does not exist. Valid parameters: --color, --continue, --count, --fail-on, --help, --plan.",
            run.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_without_its_value_exits_2()
    {
        var run = await RunAsync(["A", "--color"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Parameter --color needs a value: --color <string>.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_parameter_exits_2_before_any_target_runs()
    {
        var run = await RunAsync(["A", "Paint"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Paint requires --count (or env MLOPS_COUNT, or Count in .nuke/parameters.json)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ran A", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_are_workflow_errors_on_GitHub_Actions()
    {
        var run = await RunAsync(["Deploy"], new() { ["GITHUB_ACTIONS"] = "true" });

        Assert.StartsWith("::error::Target 'Deploy' does not exist.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_targets_with_descriptions_and_dependencies_and_every_parameter()
    {
        var run = await RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"A \(default\)\s+first", run.Output);
        Assert.Matches(@"C\s+needs B\s*\n\s+-> B", run.Output);
        Assert.Matches(@"E\s+after D\s*\n\s+\[after D\]\s*\n", run.Output);
        Assert.Matches(@"--fail-on <string>\s+Name of the target that fails", run.Output);
        Assert.Matches(@"--color <string>\s+A value the specs resolve \(default: grey\)", run.Output);
        Assert.Contains("env MLOPS_FAIL_ON | NUKE_FAIL_ON | FailOn", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ran", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_target_runs_the_default_target()
    {
        var run = await RunAsync([]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ran A", run.Output, StringComparison.Ordinal);
    }

    private Task<HostRun> RunAsync(string[] args, Dictionary<string, string>? environment = null) =>
        HostRun.RunAsync<ChainBuild>(_root.Path, args, x => x.A, environment);
}
