using MlopsCi.Core.Errors;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

[Trait("Speed", "Slow")]
public sealed class ServicesSpecs
{
    private const string Yaml = """
        model:
          name: weather
          task: multiclass
          data: { train: weather.csv, split: 0.2 }
          label: weather
          time-column: date
          trainer: lightgbm
          params: { numberOfIterations: 40 }
        gates:
          - { metric: micro-accuracy, max-regression: 2% }
          - { metric: macro-accuracy, min: 0.2 }
        """;

    private static string OlderRows(TempRepository repo)
    {
        var lines = File.ReadAllLines(TestData.File("seattle-weather.csv"));
        return repo.WriteFile("weather.csv", string.Join('\n', lines.Take(1 + 730)) + "\n");
    }

    [Fact]
    public async Task A_champion_and_a_candidate_are_compared_on_the_same_rows_of_the_candidates_data()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["weather.csv"] = OlderRows(repo) });
        await repo.CommitAsync("pr-1", new Dictionary<string, string> { ["weather.csv"] = TestData.File("seattle-weather.csv") });
        var spec = TempRepository.Spec(Yaml);
        var champion = (await repo.Training.TrainAsync(new TrainingRequest(spec.RequireModel(), "main"), CancellationToken.None)).Run;
        var registry = new ModelRegistry(repo.Store, TimeProvider.System);
        var (version, _) = await registry.RegisterAsync(champion, CancellationToken.None);
        await registry.SetAliasAsync("weather", "champion", version.Version, CancellationToken.None);
        var candidate = (await repo.Training.TrainAsync(new TrainingRequest(spec.RequireModel(), "pr-1"), CancellationToken.None)).Run;

        var result = await new CompareService(repo.Repository, repo.Trainer).CompareAsync("weather@champion", candidate.Id, "pr-1", spec.Gates, null, CancellationToken.None);

        Assert.Equal((champion.Id, candidate.Id, 1), (result.Baseline.Run.Id, result.Candidate.Run.Id, result.Baseline.Version!.Version));
        Assert.Equal(candidate.TestRows, result.Comparison.Rows);
        var accuracy = result.Comparison[MetricNames.MicroAccuracy]!;
        Assert.Equal(candidate.Metrics[MetricNames.MicroAccuracy], accuracy.Candidate, 9);
        Assert.True(accuracy.CiLow <= accuracy.Delta && accuracy.Delta <= accuracy.CiHigh);
        Assert.Equal(2, result.Comparison.Gates.Count);
        Assert.Contains(result.Comparison.Metrics, m => m.Metric == "recall:sun");
    }

    [Fact]
    public async Task Evaluating_a_registered_model_on_its_own_data_reproduces_the_runs_metrics()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["weather.csv"] = TestData.File("seattle-weather.csv") });
        var run = (await repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model(Yaml), "main"), CancellationToken.None)).Run;
        await new ModelRegistry(repo.Store, TimeProvider.System).RegisterAsync(run, CancellationToken.None);
        var evaluate = new EvaluateService(repo.Repository, repo.Trainer);

        var byVersion = await evaluate.EvaluateAsync("weather:1", "main", null, CancellationToken.None);
        var byRun = await evaluate.EvaluateAsync(run.Id, "main", "weather.csv", CancellationToken.None);

        Assert.Equal(run.Metrics, byVersion.Metrics);
        Assert.Equal(run.TestRows, byVersion.Predictions.Count);
        // Every row of the file, except the ones the model trained on: those are left out and counted.
        Assert.Equal(1461 - run.TrainRows, byRun.Predictions.Count);
        Assert.Equal((run.TrainRows, 0), (byRun.Evaluation.LeftOut, byVersion.Evaluation.LeftOut));
        Assert.StartsWith($"evaluation: {byRun.Predictions.Count:N0} rows, 0 seen in training by the model ({run.TrainRows:N0} of 1,461 left out", byRun.Evaluation.Describe(), StringComparison.Ordinal);
        Assert.True(byRun.Metrics[MetricNames.MicroAccuracy] > run.Metrics[MetricNames.MicroAccuracy] - 0.1);
    }

    [Fact]
    public async Task Comparing_runs_uses_the_candidate_runs_data_commit()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data.csv"] = repo.WriteFile("d.csv", SyntheticData.Binary(800, 1)) });
        var training = repo.Training;
        var weak = (await training.TrainAsync(new TrainingRequest(TempRepository.Model("model: { name: m, task: binary, data: { train: data.csv }, label: label, ignore: [x1], trainer: sdca }"), "main"), CancellationToken.None)).Run;
        var strong = (await training.TrainAsync(new TrainingRequest(TempRepository.Model("model: { name: m, task: binary, data: { train: data.csv }, label: label, trainer: sdca }"), "main"), CancellationToken.None)).Run;

        var result = await new CompareService(repo.Repository, repo.Trainer).CompareRunsAsync(weak.Id, strong.Id, [], new BootstrapOptions(1000, 3), CancellationToken.None);

        Assert.Equal(Verdict.Better, result.Comparison[MetricNames.Auc]!.Verdict);
        Assert.Equal(Verdict.Better, result.Comparison[MetricNames.Accuracy]!.Verdict);
        Assert.Equal(strong.DataCommit, result.DataCommit);
    }

    [Fact]
    public async Task A_failed_run_cannot_be_evaluated()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data.csv"] = repo.WriteFile("d.csv", "x,label\n1,yes\n") });
        await Assert.ThrowsAsync<InvalidInputException>(() => repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model("model: { name: m, task: binary, data: { train: data.csv }, label: label }"), "main"), CancellationToken.None));
        var failed = (await repo.Training.Runs.ListAsync("m", CancellationToken.None)).Single();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new EvaluateService(repo.Repository, repo.Trainer).EvaluateAsync(failed.Id, "main", null, CancellationToken.None));

        Assert.StartsWith($"Run {failed.Id} failed: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; it has no model to use.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".;", error.Message, StringComparison.Ordinal);
    }
}
