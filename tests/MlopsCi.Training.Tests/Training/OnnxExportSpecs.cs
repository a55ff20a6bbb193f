using MlopsCi.Core.Errors;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>
/// ONNX export is checked by scoring the exported graph with ONNX Runtime on the run's evaluation rows. Issue 17 found a
/// LightGBM model with categorical splits exported "fine" that scored R² −2.77 instead of 0.739.
/// </summary>
public sealed class OnnxExportSpecs
{
    // Cars (vega-datasets): miles per gallon from the engine, with Origin and Year as categorical columns. LightGBM uses
    // categorical splits on its own only above 50,000 rows; useCategoricalSplit forces them on this small file.
    private const string Cars = """
        model:
          name: mpg
          task: regression
          data: { train: cars.csv }
          label: Miles_per_Gallon
          ignore: [Name]
          trainer: lightgbm
          params: { useCategoricalSplit: SPLIT, minimumExampleCountPerGroup: 5, numberOfIterations: 60 }
        """;

    [Fact]
    public async Task A_model_with_categorical_splits_is_refused_and_nothing_is_written()
    {
        await using var repo = await TrainedAsync("cars.csv", Cars.Replace("SPLIT", "true", StringComparison.Ordinal));
        var onnx = Path.Combine(repo.Folder, "mpg.onnx");

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => new ExportService(repo.Repository, repo.Trainer).ExportOnnxAsync("mpg:1", onnx, CancellationToken.None));

        Assert.Contains("does not reproduce the model", error.Message, StringComparison.Ordinal);
        Assert.Contains("ONNX Runtime cannot run it (nodes_featureids[", error.Message, StringComparison.Ordinal);
        Assert.Contains("categorical column(s) Year, Origin", error.Message, StringComparison.Ordinal);
        Assert.Contains("'useCategoricalSplit: false' to model.params", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.ExitCode);
        Assert.False(File.Exists(onnx));
        Assert.Empty(Directory.GetFiles(repo.Folder, "mpg.onnx*"));
    }

    [Fact]
    public async Task The_same_model_with_one_hot_splits_exports_with_named_inputs_and_no_label()
    {
        await using var repo = await TrainedAsync("cars.csv", Cars.Replace("SPLIT", "false", StringComparison.Ordinal));
        var run = (await repo.Training.Runs.ListAsync("mpg", CancellationToken.None)).Single();
        var onnx = Path.Combine(repo.Folder, "mpg.onnx");

        var (_, check) = await new ExportService(repo.Repository, repo.Trainer).ExportOnnxAsync("mpg:1", onnx, CancellationToken.None);

        Assert.True(check.Passed);
        Assert.Equal((run.TestRows, 0), (check.Rows, check.Differing));
        Assert.True(check.MaxDifference < 1e-3, $"largest difference {check.MaxDifference}");
        Assert.Equal(["Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration", "Year", "Origin"], check.Inputs);
        Assert.Equal(["Score"], check.Outputs);
        Assert.True(new FileInfo(onnx).Length > 1000);
    }

    [Fact]
    public async Task A_multiclass_model_exports_its_class_names_and_per_class_scores()
    {
        await using var repo = await TrainedAsync("penguins.csv", """
            model: { name: penguins, task: multiclass, data: { train: penguins.csv }, label: Species, trainer: lightgbm, params: { numberOfIterations: 30 } }
            """);
        var onnx = Path.Combine(repo.Folder, "penguins.onnx");

        var (_, check) = await new ExportService(repo.Repository, repo.Trainer).ExportOnnxAsync("penguins:1", onnx, CancellationToken.None);

        Assert.True(check.Passed, $"{check.Differing} rows differ");
        Assert.Contains("Beak Length (mm)", check.Inputs);
        Assert.DoesNotContain("Species", check.Inputs);
        Assert.Equal(["PredictedLabel", "Score"], check.Outputs);
    }

    [Fact]
    public async Task A_binary_model_exports_score_and_probability()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["data.csv"] = repo.WriteFile("d.csv", SyntheticData.Binary(400, 1)) });
        var run = (await repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model("model: { name: m, task: binary, data: { train: data.csv }, label: label, trainer: fasttree }"), "main"), CancellationToken.None)).Run;
        var onnx = Path.Combine(repo.Folder, "m.onnx");

        var (_, check) = await new ExportService(repo.Repository, repo.Trainer).ExportOnnxAsync(run.Id, onnx, CancellationToken.None);

        Assert.Equal((run.TestRows, 0), (check.Rows, check.Differing));
        Assert.Equal(["x1", "x2", "x3", "color"], check.Inputs);
        Assert.Equal(["PredictedLabel", "Score", "Probability"], check.Outputs);
    }

    private static async Task<TempRepository> TrainedAsync(string file, string yaml)
    {
        var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { [file] = TestData.File(file) });
        var run = (await repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model(yaml), "main"), CancellationToken.None)).Run;
        await new Core.Training.Registry.ModelRegistry(repo.Store, TimeProvider.System).RegisterAsync(run, CancellationToken.None);
        return repo;
    }
}
