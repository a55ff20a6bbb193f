using System.Text.RegularExpressions;
using MlopsCi.MSBuild.Tests.Support;
using Xunit.Abstractions;

namespace MlopsCi.MSBuild.Tests;

[Collection(PackedPackageCollection.Name)]
[Trait("Speed", "Slow")]
public sealed partial class TrainingSpecs(PackedPackage package, ITestOutputHelper output)
{
    [Fact]
    public async Task A_build_trains_publishes_its_outputs_skips_training_while_nothing_changed_and_retrains_when_the_data_moves()
    {
        var store = await package.NewStoreAsync();
        var consumer = package.CopyConsumer("Trainer");

        var first = (await package.BuildAsync(consumer, store)).EnsureSuccess("first build");
        Assert.Contains("MlopsTrain: trained run", first.Output, StringComparison.Ordinal);
        var run = OutputRun().Match(first.Output);
        Assert.True(run.Success, first.Output);
        var (runId, model) = (run.Groups["run"].Value, run.Groups["model"].Value);
        Assert.True(File.Exists(model), $"the model {model} was not written");
        Assert.Matches(@"MLOPS-METRIC accuracy=0\.\d+", first.Output);
        Assert.Matches(@"MLOPS-METRIC auc=0\.\d+", first.Output);
        Assert.Contains("MlopsEvaluateGate: gate passed on run " + runId, first.Output, StringComparison.Ordinal);
        Assert.Equal(1, PackedPackage.RunCount(store));

        var second = (await package.BuildAsync(consumer, store)).EnsureSuccess("second build");
        output.WriteLine($"first build {first.Elapsed.TotalSeconds:0.0} s, up-to-date build {second.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains($"training skipped, using run {runId}", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MlopsTrain: trained run", second.Output, StringComparison.Ordinal);
        Assert.Contains($"MLOPS-OUT run={runId} model={model}", second.Output, StringComparison.Ordinal);
        Assert.Matches(@"MLOPS-METRIC accuracy=0\.\d+", second.Output);
        Assert.Equal(1, PackedPackage.RunCount(store));

        await package.CommitAsync(store, rows: 320, seed: 2);
        var third = (await package.BuildAsync(consumer, store)).EnsureSuccess("build after new data");
        Assert.Contains("MlopsTrain: trained run", third.Output, StringComparison.Ordinal);
        Assert.NotEqual(runId, OutputRun().Match(third.Output).Groups["run"].Value);
        Assert.Equal(2, PackedPackage.RunCount(store));
    }

    [Fact]
    public async Task A_failing_gate_fails_the_build_with_MLOPS001_at_the_gates_line_in_the_spec()
    {
        var store = await package.NewStoreAsync();
        var consumer = package.CopyConsumer("FailingGate");

        var build = await package.BuildAsync(consumer, store);

        Assert.NotEqual(0, build.ExitCode);
        var spec = Path.Combine(consumer, "mlops.yml");
        Assert.Contains($"{spec}(9): error MLOPS001: Gate failed on run", build.Output, StringComparison.Ordinal);
        Assert.Contains("auc", build.Output, StringComparison.Ordinal);
        Assert.Contains("is below the minimum 1", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{spec}(8): error", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_tool_fails_the_build_with_MLOPS003_saying_how_to_fix_it()
    {
        var store = await package.NewStoreAsync(rows: 50);
        var consumer = package.CopyConsumer("Trainer");

        var build = await package.BuildAsync(consumer, store, "MlopsToolPath=/nowhere/mlops.dll");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error MLOPS003: The mlops tool was not found at '/nowhere/mlops.dll'", build.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"MLOPS-OUT run=(?<run>\S+) model=(?<model>\S+) commit=(?<commit>[0-9a-f]{64})")]
    private static partial Regex OutputRun();
}
