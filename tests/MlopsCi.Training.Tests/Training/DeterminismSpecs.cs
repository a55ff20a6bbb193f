using System.Diagnostics;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

[Trait("Speed", "Slow")]
public sealed class DeterminismSpecs
{
    [Theory]
    [InlineData("binary", "lightgbm")]
    [InlineData("binary", "fasttree")]
    [InlineData("binary", "sdca")]
    [InlineData("binary", "lbfgs")]
    [InlineData("multiclass", "lightgbm")]
    public async Task The_same_data_commit_spec_and_seed_give_the_same_model_hash(string task, string trainer)
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data.csv"] = task == "binary" ? repo.WriteFile("d.csv", SyntheticData.Binary(1000, 3)) : TestData.File("penguins.csv") });
        var label = task == "binary" ? "label" : "Species";
        var spec = TempRepository.Model($"model: {{ name: m, task: {task}, data: {{ train: data.csv }}, label: {label}, trainer: {trainer}, seed: 5 }}");

        var first = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;
        var second = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;
        var otherSeed = (await repo.Training.TrainAsync(new TrainingRequest(spec with { Seed = 6 }, "main"), CancellationToken.None)).Run;

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.ModelHash, second.ModelHash);
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.NotEqual(first.ModelHash, otherSeed.ModelHash);
    }

    [Fact]
    public async Task Another_process_trains_the_same_model_hash()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["weather.csv"] = TestData.File("seattle-weather.csv") });
        const string yaml = "model: { name: weather, task: multiclass, data: { train: weather.csv }, label: weather, ignore: [date], categorical: [], trainer: lightgbm, seed: 11 }\n";
        var specFile = repo.WriteFile("mlops.yml", yaml);
        var local = (await repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model(yaml), "main"), CancellationToken.None)).Run;

        var probe = Path.Combine(AppContext.BaseDirectory, "MlopsCi.Training.Probe.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [probe, "train", repo.Store.Root, "main", specFile]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"probe exited {process.ExitCode}: {error}");
        var (runId, hash) = (output.Trim().Split(' ')[0], output.Trim().Split(' ')[1]);
        Assert.NotEqual(local.Id, runId);
        Assert.Equal(local.ModelHash, hash);
    }

    [Fact]
    public async Task An_idempotent_request_reuses_the_finished_run()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data.csv"] = repo.WriteFile("d.csv", SyntheticData.Binary(300, 3)) });
        var spec = TempRepository.Model("model: { name: m, task: binary, data: { train: data.csv }, label: label }");

        var first = await repo.Training.TrainAsync(new TrainingRequest(spec, "main", IdempotencyKey: "pr-1@abc"), CancellationToken.None);
        var again = await repo.Training.TrainAsync(new TrainingRequest(spec, "main", IdempotencyKey: "pr-1@abc"), CancellationToken.None);
        var other = await repo.Training.TrainAsync(new TrainingRequest(spec, "main", IdempotencyKey: "pr-1@def"), CancellationToken.None);

        Assert.False(first.Reused);
        Assert.True(again.Reused);
        Assert.Equal(first.Run.Id, again.Run.Id);
        Assert.NotEqual(first.Run.Id, other.Run.Id);
        Assert.Equal(2, (await repo.Training.Runs.ListAsync("m", CancellationToken.None)).Count);
    }
}
