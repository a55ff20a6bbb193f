using MlopsCi.Core.Monitoring;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>
/// No model is scored on its own training rows: runs record training-row fingerprints, and retrain, monitor, runs compare
/// and evaluate leave out (and count) evaluation rows a compared model trained on.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class TrainingOverlapSpecs
{
    private const string Yaml = "model: { name: churn, task: binary, data: { train: data.csv, split: 0.2 }, label: label, categorical: [color], seed: 1, params: { numberOfIterations: 30 } }";

    /// <summary>main holds the first 400 rows; "all" the same 400 rows and 200 more of the same distribution.</summary>
    private static async Task<TempRepository> TwoCommitsAsync()
    {
        var repo = await TempRepository.CreateAsync();
        var all = SyntheticData.Binary(600, 1);
        var first = string.Join('\n', all.Split('\n').Take(401)) + "\n";
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data.csv"] = repo.WriteFile("data.csv", first) });
        await repo.CommitAsync("all", new Dictionary<string, string> { ["data.csv"] = repo.WriteFile("data.csv", all) });
        return repo;
    }

    private static async Task<ModelVersion> ChampionAsync(TempRepository repo, ModelSpec spec)
    {
        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;
        var registry = new ModelRegistry(repo.Store, TimeProvider.System);
        var (version, _) = await registry.RegisterAsync(run, CancellationToken.None);
        await registry.SetAliasAsync(spec.Name, "champion", version.Version, CancellationToken.None);
        return version;
    }

    [Fact]
    public async Task Retrain_and_monitor_after_rows_were_added_score_the_champion_only_on_rows_it_never_trained_on()
    {
        await using var repo = await TwoCommitsAsync();
        var spec = TempRepository.Model(Yaml);
        await ChampionAsync(repo, spec);

        var retrained = await new RetrainService(repo.Repository, repo.Trainer).RetrainAsync(new RetrainRequest(spec, [], "all", "champion"), CancellationToken.None);
        var monitored = await new MonitorService(repo.Repository, repo.Trainer).MonitorAsync(new MonitorRequest("churn:1", "all", null, MonitorSpec.Default, []), CancellationToken.None);

        var compared = retrained.Comparison!.Evaluation;
        Assert.Equal((0, 0, 0), (compared.LeftOut, compared.Models[0].Seen ?? -1, compared.Models[1].Seen ?? -1));
        Assert.Equal(retrained.Run.TestRows, compared.Rows);
        Assert.Equal(compared.Rows, retrained.Comparison.Comparison.Rows);
        Assert.Equal($"evaluation: {compared.Rows} rows, 0 seen in training by either model", compared.Describe());
        Assert.Equal(compared.Describe(), retrained.Record.Evaluation);
        var scored = monitored.Evaluation.Evaluation;
        Assert.Equal((0, 0), (scored.LeftOut, scored.Models[0].Seen ?? -1));
        Assert.InRange(scored.Rows, 90, 150); // about 0.2 × 600
        Assert.Equal($"evaluation: {scored.Rows} rows, 0 seen in training by the model", monitored.Record.Evaluation);
    }

    [Fact]
    public async Task Rows_a_baseline_trained_on_under_another_split_rule_are_left_out_of_the_comparison_and_counted()
    {
        await using var repo = await TwoCommitsAsync();
        var spec = TempRepository.Model(Yaml);
        // Another rule: half the rows held out with another seed, so about half the candidate's evaluation rows were its training rows.
        var baseline = (await repo.Training.TrainAsync(new TrainingRequest(spec with { Seed = 7, Data = spec.Data with { Split = 0.5 } }, "main"), CancellationToken.None)).Run;
        var candidate = (await repo.Training.TrainAsync(new TrainingRequest(spec, "all"), CancellationToken.None)).Run;

        var result = await new CompareService(repo.Repository, repo.Trainer).CompareRunsAsync(baseline.Id, candidate.Id, [], new BootstrapOptions(200, 1), CancellationToken.None);

        var evaluation = result.Evaluation;
        var seen = evaluation.Models.Single(m => m.Role == "baseline").Seen!.Value;
        Assert.InRange(seen, 20, candidate.TestRows - 20);
        Assert.Equal(0, evaluation.Models.Single(m => m.Role == "candidate").Seen);
        Assert.Equal(seen, evaluation.LeftOut);
        Assert.Equal(candidate.TestRows, evaluation.Rows + evaluation.LeftOut);
        Assert.Equal(evaluation.Rows, result.Comparison.Rows);
        Assert.Equal($"evaluation: {evaluation.Rows} rows, 0 seen in training by either model ({seen} of {candidate.TestRows} left out as seen in training: {seen} by the baseline, 0 by the candidate)", evaluation.Describe());
    }

    [Fact]
    public async Task A_baseline_without_training_row_fingerprints_is_named_in_the_evaluation_line()
    {
        await using var repo = await TwoCommitsAsync();
        var spec = TempRepository.Model(Yaml);
        var baseline = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;
        var candidate = (await repo.Training.TrainAsync(new TrainingRequest(spec, "all"), CancellationToken.None)).Run;
        await repo.Store.DeleteAsync($"_mlops/runs/{baseline.Id}.training-rows", CancellationToken.None); // a run recorded before fingerprints existed

        var result = await new CompareService(repo.Repository, repo.Trainer).CompareRunsAsync(baseline.Id, candidate.Id, [], new BootstrapOptions(200, 1), CancellationToken.None);

        Assert.Null(result.Evaluation.Models.Single(m => m.Role == "baseline").Seen);
        Assert.Equal(
            $"evaluation: {candidate.TestRows} rows, 0 seen in training by the candidate; the baseline (run {baseline.Id}) has no training-row fingerprints (trained before they were recorded), so rows it trained on cannot be left out",
            result.Evaluation.Describe());
    }

    [Fact]
    public async Task A_test_file_repeating_training_rows_and_missing_labels_is_scored_without_them_and_says_so()
    {
        await using var repo = await TempRepository.CreateAsync();
        var train = SyntheticData.Binary(300, 2).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fresh = SyntheticData.Binary(60, 3).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        // 5 rows copied from the training file, 3 rows without a label, 52 new labelled rows.
        var test = new[] { train[0] }.Concat(train.Skip(1).Take(5)).Concat(fresh.Take(3).Select(r => r[..(r.LastIndexOf(',') + 1)])).Concat(fresh.Skip(3).Take(52));
        await repo.CommitAsync("main", new Dictionary<string, string>
        {
            ["train.csv"] = repo.WriteFile("train.csv", string.Join('\n', train) + "\n"),
            ["test.csv"] = repo.WriteFile("test.csv", string.Join('\n', test) + "\n"),
        });
        var spec = TempRepository.Model("model: { name: m, task: binary, data: { train: train.csv, test: test.csv }, label: label, params: { numberOfIterations: 20 } }");

        var trained = await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None);

        var evaluation = trained.Evaluation!;
        Assert.Equal((52, 5, 3), (evaluation.Rows, evaluation.LeftOut, evaluation.Unlabelled));
        Assert.Equal(52, trained.Run.TestRows);
        Assert.Equal("evaluation: 52 rows, 0 seen in training by the model (5 of 57 left out as seen in training: 5 by the model); 3 rows without a label left out", evaluation.Describe());
        Assert.StartsWith("only 52 evaluation rows (under 100)", evaluation.Warning, StringComparison.Ordinal);
    }
}
