using MlopsCi.Core.Specs;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

[Trait("Speed", "Slow")]
public sealed class RealDataTrainingSpecs
{
    [Fact]
    public async Task Seattle_weather_trains_a_multiclass_model_on_a_time_ordered_split_and_records_the_run()
    {
        await using var repo = await TempRepository.CreateAsync();
        var commit = await repo.CommitAsync("main", new Dictionary<string, string> { ["weather/seattle-weather.csv"] = TestData.File("seattle-weather.csv") });
        var spec = TempRepository.Model("""
            model:
              name: weather
              task: multiclass
              data: { train: weather/seattle-weather.csv, split: 0.2 }
              label: weather
              time-column: date
              trainer: lightgbm
              params: { numberOfIterations: 50 }
            """);

        var result = await repo.Training.TrainAsync(new TrainingRequest(spec, "main", new Dictionary<string, string> { [RunTags.GitSha] = "abc123", [RunTags.PullRequest] = "7" }), CancellationToken.None);

        var run = result.Run;
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal((292, 1169), (run.TestRows, run.TrainRows));
        Assert.InRange(run.Metrics[MetricNames.MicroAccuracy], 0.6, 1.0);
        Assert.InRange(run.Metrics[MetricNames.MacroAccuracy], 0.2, run.Metrics[MetricNames.MicroAccuracy]);
        Assert.InRange(run.Metrics[MetricNames.LogLoss], 0.01, 3);
        Assert.Contains("recall:rain", run.Metrics.Keys);
        Assert.Equal(["drizzle", "fog", "rain", "snow", "sun"], run.Schema!.Classes);
        Assert.Equal(["precipitation", "temp_max", "temp_min", "wind"], run.Schema.Columns.Select(c => c.Name));
        Assert.Equal(commit, run.DataCommit);
        var dataset = Assert.Single(run.Datasets);
        Assert.Equal(("train", "weather/seattle-weather.csv", "sha256:" + await Hashing.Sha256FileAsync(TestData.File("seattle-weather.csv"), CancellationToken.None)), (dataset.Role, dataset.Path, dataset.Digest));
        Assert.Equal(("abc123", "7", "main"), (run.Tag(RunTags.GitSha), run.Tag(RunTags.PullRequest), run.Tag(RunTags.Ref)));
        Assert.Equal("5.0.1", run.Environment.Packages["Microsoft.ML"]);
        Assert.True(run.Environment.CpuCount > 0);
        Assert.Equal(spec.ComputeHash(), run.SpecHash);
        Assert.Equal(("lightgbm", "50", "1"), (run.Params["trainer"], run.Params["numberOfIterations"], run.Params["seed"]));
        Assert.Equal("precipitation", run.FeatureImportance[0].Feature);
        Assert.True(await repo.Store.ExistsAsync("_mlops/artifacts/" + run.ModelHash, CancellationToken.None));
        Assert.Equal(run, await new RunStore(repo.Store).GetAsync(run.Id, CancellationToken.None), new RunComparer());
    }

    [Fact]
    public async Task Penguins_train_a_multiclass_model_with_categorical_columns_and_missing_values()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["penguins.csv"] = TestData.File("penguins.csv") });
        var spec = TempRepository.Model("""
            model:
              name: penguins
              task: multiclass
              data: { train: penguins.csv, split: 0.25 }
              label: Species
              categorical: [Island, Sex]
              trainer: sdca
            """);

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        Assert.InRange(run.Metrics[MetricNames.MicroAccuracy], 0.9, 1.0);
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], run.Schema!.Classes);
        Assert.Equal((263, 81), (run.TrainRows, run.TestRows)); // about a quarter held out, each row by its hash (86 expected)
        Assert.Equal("categorical", run.Schema.Columns.Single(c => c.Name == "Island").Kind);
        Assert.Equal("1", run.Params["NumberOfThreads"]);
    }

    [Fact]
    public async Task Cars_train_a_regression_model_and_rows_without_a_label_are_left_out()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["cars.csv"] = TestData.File("cars.csv") });
        var spec = TempRepository.Model("""
            model:
              name: mpg
              task: regression
              data: { train: cars.csv, split: 0.2 }
              label: Miles_per_Gallon
              ignore: [Name, Year]
              trainer: fasttree
              seed: 3
            """);

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        Assert.Equal((304, 94), (run.TrainRows, run.TestRows)); // 398 labelled rows of 406, each held out by its hash (about 80 expected)
        Assert.InRange(run.Metrics[MetricNames.R2], 0.7, 1.0);
        Assert.InRange(run.Metrics[MetricNames.Rmse], 1, 5);
        Assert.InRange(run.Metrics[MetricNames.Mae], 0.5, run.Metrics[MetricNames.Rmse]);
        Assert.Contains(run.FeatureImportance.Take(3), f => f.Feature is "Weight_in_lbs" or "Horsepower" or "Displacement");
    }

    [Fact]
    public async Task Generated_binary_data_trains_with_every_binary_metric()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["train.csv"] = repo.WriteFile("train.csv", SyntheticData.Binary(1500, 1)), ["test.csv"] = repo.WriteFile("test.csv", SyntheticData.Binary(500, 2)) });
        var spec = TempRepository.Model("model: { name: churn, task: binary, data: { train: train.csv, test: test.csv }, label: label, categorical: [color] }");

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        Assert.Equal((1500, 500), (run.TrainRows, run.TestRows));
        Assert.Equal(["no", "yes"], run.Schema!.Classes);
        Assert.InRange(run.Metrics[MetricNames.Auc], 0.9, 1.0);
        Assert.InRange(run.Metrics[MetricNames.Auprc], 0.85, 1.0);
        Assert.InRange(run.Metrics[MetricNames.Accuracy], 0.8, 1.0);
        foreach (var metric in new[] { MetricNames.F1, MetricNames.Precision, MetricNames.Recall })
            Assert.InRange(run.Metrics[metric], 0.75, 1.0);
        Assert.InRange(run.Metrics[MetricNames.LogLoss], 0.01, 0.6);
        Assert.Equal(["x1", "x2"], run.FeatureImportance.Take(2).Select(f => f.Feature));
        Assert.True(run.FeatureImportance.Single(f => f.Feature == "x3").Importance < 0.02);
        Assert.Equal(2, run.Datasets.Count);
    }

    [Theory]
    [InlineData(ModelTask.Binary, "sdca")]
    [InlineData(ModelTask.Binary, "lbfgs")]
    [InlineData(ModelTask.Binary, "averagedperceptron")]
    [InlineData(ModelTask.Binary, "fasttree")]
    [InlineData(ModelTask.Binary, "fastforest")]
    [InlineData(ModelTask.Binary, "gam")]
    [InlineData(ModelTask.Multiclass, "lbfgs")]
    [InlineData(ModelTask.Multiclass, "lightgbm")]
    [InlineData(ModelTask.Multiclass, "fasttree")]
    [InlineData(ModelTask.Regression, "sdca")]
    [InlineData(ModelTask.Regression, "fastforest")]
    [InlineData(ModelTask.Regression, "gam")]
    [InlineData(ModelTask.Regression, "lightgbm")]
    public async Task Every_trainer_of_a_task_learns_something(ModelTask task, string trainer)
    {
        await using var repo = await TempRepository.CreateAsync();
        var (file, label, metric, minimum) = task switch
        {
            ModelTask.Binary => (repo.WriteFile("data.csv", SyntheticData.Binary(800, 5)), "label", MetricNames.Auc, 0.85),
            ModelTask.Multiclass => (TestData.File("penguins.csv"), "Species", MetricNames.MicroAccuracy, 0.8),
            _ => (TestData.File("cars.csv"), "Miles_per_Gallon", MetricNames.R2, 0.6),
        };
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data.csv"] = file });
        var gamParams = trainer == "gam" ? ", params: { numberOfIterations: 200 }" : "";
        var spec = TempRepository.Model($"model: {{ name: m, task: {task.ToString().ToLowerInvariant()}, data: {{ train: data.csv }}, label: {label}, ignore: [Name, Year], trainer: {trainer}{gamParams} }}".Replace("ignore: [Name, Year], ", task == ModelTask.Regression ? "ignore: [Name, Year], " : "", StringComparison.Ordinal));

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        Assert.InRange(run.Metrics[metric], minimum, 1.0);
        if (trainer is "fastforest" or "averagedperceptron" && task == ModelTask.Binary)
            Assert.False(run.Metrics.ContainsKey(MetricNames.LogLoss));
    }

    private sealed class RunComparer : IEqualityComparer<RunRecord>
    {
        public bool Equals(RunRecord? x, RunRecord? y) =>
            x is not null && y is not null && System.Text.Json.JsonSerializer.Serialize(x, Core.Versioning.StoreJson.Options) == System.Text.Json.JsonSerializer.Serialize(y, Core.Versioning.StoreJson.Options);

        public int GetHashCode(RunRecord obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
