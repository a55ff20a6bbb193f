using MlopsCi.BuildScript.Runner;
using MlopsCi.Core.Tests;

namespace MlopsCi.BuildScript.Tests;

public sealed class PlanSpecs : IDisposable
{
    private readonly TempFolder _root = new(".nuke");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Plan_lists_dependencies_first_and_runs_nothing()
    {
        var run = await RunAsync(["--plan", "C"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["A", "B", "C"], PlannedTargets(run));
        Assert.Contains("C  (depends on B)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ran", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_may_follow_the_targets()
    {
        var run = await RunAsync(["B", "--plan"]);

        Assert.Equal(["A", "B"], PlannedTargets(run));
    }

    [Fact]
    public async Task After_orders_targets_only_when_both_are_scheduled()
    {
        var alone = await RunAsync(["--plan", "E"]);
        var together = await RunAsync(["--plan", "E", "B", "D"]);

        Assert.Equal(["E"], PlannedTargets(alone));
        Assert.Equal(["A", "B", "D", "E"], PlannedTargets(together));
    }

    [Fact]
    public async Task The_plan_of_Test_restores_compiles_sets_up_then_tests()
    {
        var run = await HostRun.RunAsync<Build>(_root.Path, ["--plan", "Test"], Build.DefaultTarget);

        Assert.Equal(["Restore", "Compile", "Setup", "Test"], PlannedTargets(run));
    }

    [Fact]
    public async Task The_MLOps_targets_are_ordered_as_the_workflow_runs()
    {
        var run = await HostRun.RunAsync<Build>(_root.Path, ["--plan", "DataMerge", "Train", "DataBranch", "Report"], Build.DefaultTarget);

        Assert.Equal(["CompileCli", "DataBranch", "Train", "Report", "DataMerge"], PlannedTargets(run));
    }

    [Fact]
    public void Circular_dependencies_are_refused()
    {
        var model = BuildModel.From(new CycleBuild());

        var error = Assert.Throws<UsageException>(() => ExecutionPlanner.Plan(model, [model.GetTarget("X")]));

        Assert.Equal("Circular dependencies between targets: X, Y.", error.Message);
    }

    private static List<string> PlannedTargets(HostRun run) => run.Output
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && char.IsDigit(line[0]))
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
        .ToList();

    private Task<HostRun> RunAsync(string[] args) => HostRun.RunAsync<ChainBuild>(_root.Path, args, x => x.A);

    private sealed class CycleBuild : BuildBase
    {
        public Target X => _ => _.DependsOn(Y);

        public Target Y => _ => _.After(X);
    }
}
