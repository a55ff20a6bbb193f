using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>
/// The error analysis of real ML.NET runs on the project's real data, checked against what the test itself computes from
/// the run's own scored evaluation rows.
/// </summary>
public sealed class ErrorAnalysisTrainingSpecs
{
    /// <summary>penguins.csv with the sex as a binary label: the rows whose Sex is MALE or FEMALE (the data also has blanks and '.').</summary>
    private static async Task<TempRepository> PenguinSexAsync()
    {
        var repo = await TempRepository.CreateAsync();
        var lines = (await File.ReadAllLinesAsync(TestData.File("penguins.csv"))).Where((l, i) => i == 0 || l.EndsWith(",MALE", StringComparison.Ordinal) || l.EndsWith(",FEMALE", StringComparison.Ordinal));
        await repo.CommitAsync("main", new Dictionary<string, string> { ["penguins.csv"] = repo.WriteFile("penguins-sex.csv", string.Join('\n', lines) + "\n") });
        return repo;
    }

    private static ModelSpec PenguinSpec(string extra = "") => TempRepository.Model($$"""
        model:
          name: penguin-sex
          task: binary
          data: { train: penguins.csv, split: 0.5 }
          label: Sex
          slices: [Island]
          trainer: lightgbm
          params: { numberOfIterations: 40 }
        {{extra}}
        """);

    [Fact]
    public async Task A_binary_run_stores_a_confusion_matrix_curves_and_threshold_that_its_own_evaluation_rows_reproduce()
    {
        await using var repo = await PenguinSexAsync();

        var result = await repo.Training.TrainAsync(new TrainingRequest(PenguinSpec(), "main"), CancellationToken.None);

        var (run, rows) = (result.Run, result.TestPredictions!);
        var analysis = run.Analysis!;
        Assert.Equal(["FEMALE", "MALE"], analysis.Confusion!.Classes);
        // The matrix counted here from the scored rows: rows are the true class, columns the predicted one.
        int Count(int actual, int predicted) => Enumerable.Range(0, rows.Count).Count(i => rows.Labels[i] == actual && rows.Predicted[i] == predicted);
        Assert.Equal([[Count(0, 0), Count(0, 1)], [Count(1, 0), Count(1, 1)]], analysis.Confusion.Counts.Select(r => r.ToArray()));
        Assert.Equal(run.TestRows, analysis.Confusion.Total);
        Assert.Equal(run.Metrics[MetricNames.Precision], analysis.Classes[1].Precision, 12);
        Assert.Equal(run.Metrics[MetricNames.Recall], analysis.Classes[1].Recall, 12);
        // AUC over every (positive, negative) pair of the scored rows, ties as half.
        var scores = rows.Scores!;
        var positives = Enumerable.Range(0, rows.Count).Where(i => rows.Labels[i] == 1).ToList();
        var negatives = Enumerable.Range(0, rows.Count).Where(i => rows.Labels[i] == 0).ToList();
        var auc = positives.Sum(p => negatives.Sum(n => scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0)) / (positives.Count * (double)negatives.Count);
        Assert.Equal(auc, run.Metrics[MetricNames.Auc], 12);
        Assert.InRange(auc, 0.85, 1);
        // ML.NET's binary prediction: Score above the threshold (0 by default); every scored row obeys it.
        Assert.Equal(new BinaryThreshold("score", 0), analysis.Threshold);
        Assert.All(Enumerable.Range(0, rows.Count), i => Assert.Equal(scores[i] > 0 ? 1.0 : 0.0, rows.Predicted[i]));
        Assert.InRange(analysis.Roc.Count, 10, 101);
        Assert.Equal((1.0, 1.0), (analysis.Roc[^1].X, analysis.Roc[^1].Y));
        Assert.Equal(["Biscoe", "Dream", "Torgersen"], analysis.Slices.Select(s => s.Value).Order(StringComparer.Ordinal));
        Assert.Equal(run.TestRows, analysis.Slices.Sum(s => s.Rows));
        var stored = (await new RunStore(repo.Store).GetAsync(run.Id, CancellationToken.None)).Analysis!;
        Assert.Equal(analysis.Confusion.Counts.SelectMany(r => r), stored.Confusion!.Counts.SelectMany(r => r));
        Assert.Equal(analysis.Roc, stored.Roc);
        Assert.Equal(analysis.Slices, stored.Slices);
    }

    [Fact]
    public async Task A_multiclass_run_has_a_confusion_matrix_whose_diagonal_is_its_accuracy()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["weather.csv"] = TestData.File("seattle-weather.csv") });
        var spec = TempRepository.Model("""
            model:
              name: weather
              task: multiclass
              data: { train: weather.csv, split: 0.2 }
              label: weather
              time-column: date
              params: { numberOfIterations: 30 }
            """);

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        var confusion = run.Analysis!.Confusion!;
        Assert.Equal(["drizzle", "fog", "rain", "snow", "sun"], confusion.Classes);
        Assert.Equal(run.TestRows, confusion.Total);
        Assert.Equal(run.Metrics[MetricNames.MicroAccuracy], Enumerable.Range(0, 5).Sum(c => confusion[c, c]) / (double)confusion.Total, 12);
        Assert.Equal(run.Metrics["recall:rain"], run.Analysis.Classes[2].Recall, 12);
        Assert.All(confusion.Rates.Where((_, c) => confusion.Counts[c].Sum() > 0), row => Assert.Equal(1, row.Sum(), 9));
        Assert.Null(run.Analysis.Threshold);
        Assert.Empty(run.Analysis.Slices);
    }

    [Fact]
    public async Task Comparing_two_runs_gives_both_confusion_matrices_the_tests_and_the_slices()
    {
        await using var repo = await PenguinSexAsync();
        var training = repo.Training;
        var weak = (await training.TrainAsync(new TrainingRequest(PenguinSpec("  ignore: [\"Beak Depth (mm)\", \"Body Mass (g)\", \"Beak Length (mm)\"]"), "main"), CancellationToken.None)).Run;
        var strong = (await training.TrainAsync(new TrainingRequest(PenguinSpec(), "main"), CancellationToken.None)).Run;

        var result = await new CompareService(repo.Repository, repo.Trainer).CompareRunsAsync(weak.Id, strong.Id, [], new BootstrapOptions(1000, 2), CancellationToken.None);

        Assert.Equal((result.Comparison.Rows, result.Comparison.Rows), (result.BaselineConfusion!.Total, result.CandidateConfusion!.Total));
        var delong = result.Comparison.Tests.Single(t => t.Test == SignificanceTests.DeLongName);
        Assert.Equal(result.Comparison[MetricNames.Auc]!.Candidate, delong.Candidate, 12);
        Assert.Equal(result.Comparison[MetricNames.Auc]!.Verdict == delong.Verdict, delong.AgreesWithBootstrap);
        var mcnemar = result.Comparison.Tests.Single(t => t.Test == SignificanceTests.McNemarName);
        Assert.Equal(result.Comparison[MetricNames.Accuracy]!.Baseline, mcnemar.Baseline, 12);
        Assert.Equal(["Biscoe", "Dream", "Torgersen"], result.Slices.Select(s => s.Value).Order(StringComparer.Ordinal));
        Assert.Equal(result.Comparison.Rows, result.Slices.Sum(s => s.Rows));
        Assert.All(result.Slices, s => Assert.Equal(s.Rows >= SliceAnalysis.MinRows, s.Comparison is not null));
        Assert.Contains(result.Slices, s => s.Comparison is not null);
        var worse = result.Slices.TakeWhile(s => s.Worse).Count();
        Assert.Equal(result.Slices.Count(s => s.Worse), worse);
    }

    [Fact]
    public async Task A_slice_column_missing_from_the_data_is_bad_input_naming_the_spec_line()
    {
        await using var repo = await PenguinSexAsync();
        var spec = PenguinSpec() with { Slices = ["Colony"] };

        var error = await Assert.ThrowsAsync<Core.Errors.InvalidInputException>(() => repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None));

        Assert.Contains("line 6: slice column 'Colony' is not in penguins.csv (columns: Species, Island,", error.Message, StringComparison.Ordinal);
    }
}
