using MlopsCi.Core.Tests;

namespace MlopsCi.BuildScript.Tests;

public sealed class ExecutionSpecs : IDisposable
{
    private readonly TempFolder _root = new(".nuke");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Dependents_of_a_failed_target_are_skipped_and_the_build_exits_1()
    {
        var run = await RunAsync(["C", "D", "--fail-on", "A"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Target A failed: A broke on purpose", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"^A\s+Failed\s+\S.*// A broke on purpose", run.SummaryRow("A"));
        Assert.Matches(@"^B\s+Skipped\s+// A failed", run.SummaryRow("B"));
        Assert.Matches(@"^C\s+Skipped\s+// B was skipped", run.SummaryRow("C"));
        Assert.Matches(@"^D\s+NotRun\s+// build stopped", run.SummaryRow("D"));
        Assert.Contains("Build failed: A.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ran", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_runs_the_targets_that_do_not_depend_on_the_failure()
    {
        var run = await RunAsync(["C", "D", "--fail-on", "B", "--continue"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^A\s+Succeeded", run.SummaryRow("A"));
        Assert.Matches(@"^B\s+Failed", run.SummaryRow("B"));
        Assert.Matches(@"^C\s+Skipped\s+// B failed", run.SummaryRow("C"));
        Assert.Matches(@"^D\s+Succeeded", run.SummaryRow("D"));
    }

    [Fact]
    public async Task A_successful_build_prints_a_summary_row_per_target_and_exits_0()
    {
        var run = await RunAsync(["C"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ran A with grey", "ran B with grey", "ran C with grey"], run.Output.Split('\n').Where(l => l.StartsWith("ran", StringComparison.Ordinal)).Select(l => l.TrimEnd()));
        Assert.Matches(@"Target\s+Status\s+Duration", run.Output);
        Assert.Matches(@"^C\s+Succeeded\s+< 1sec", run.SummaryRow("C"));
        Assert.Contains("Build succeeded.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_GitHub_Actions_each_target_is_a_group_and_a_failure_an_error()
    {
        var run = await RunAsync(["B", "--fail-on", "B"], new() { ["GITHUB_ACTIONS"] = "true" });

        Assert.Contains("::group::A\nran A with grey\n::endgroup::\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("::group::B\n::endgroup::\n::error title=Target B failed::B broke on purpose", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private Task<HostRun> RunAsync(string[] args, Dictionary<string, string>? environment = null) =>
        HostRun.RunAsync<ChainBuild>(_root.Path, args, x => x.A, environment);
}
