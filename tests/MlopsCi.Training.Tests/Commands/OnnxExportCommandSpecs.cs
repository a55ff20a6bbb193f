using System.Text.Json;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Commands;

/// <summary>
/// 'mlops models export … --onnx' as a user runs it. Issue 17 (Seen): a LightGBM model with categorical splits exported
/// with exit 0, and the ONNX file scored R² −2.77 where the model scores 0.739.
/// </summary>
public sealed class OnnxExportCommandSpecs : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Exporting_a_model_with_categorical_splits_to_onnx_exits_1_saying_what_to_do_and_writes_nothing()
    {
        await TrainCarsAsync(categoricalSplits: true);

        var export = await _cli.RunAsync("models", "export", "mpg:1", "mpg.onnx", "--onnx");

        Assert.True(export.ExitCode == 1, export.ToString());
        Assert.Contains("does not reproduce the model", export.Error, StringComparison.Ordinal);
        Assert.Contains("'useCategoricalSplit: false' to model.params", export.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cli.Folder, "mpg.onnx*"));
    }

    [Fact]
    public async Task Exporting_the_model_trained_with_one_hot_splits_reports_the_check()
    {
        await TrainCarsAsync(categoricalSplits: false);

        var export = await _cli.RunAsync("models", "export", "mpg:1", "mpg.onnx", "--onnx", "--json");

        Assert.True(export.ExitCode == 0, export.ToString());
        using var json = JsonDocument.Parse(export.Out);
        var check = json.RootElement.GetProperty("check");
        Assert.True(check.GetProperty("rows").GetInt32() > 50, check.GetRawText());
        Assert.Equal(0, check.GetProperty("differing").GetInt32());
        Assert.Equal("Horsepower", check.GetProperty("inputs")[2].GetString());
        Assert.True(new FileInfo(Path.Combine(_cli.Folder, "mpg.onnx")).Length > 1000);
    }

    public void Dispose() => _cli.Dispose();

    private async Task TrainCarsAsync(bool categoricalSplits)
    {
        await _cli.CommitDataAsync(await File.ReadAllTextAsync(TestData.File("cars.csv")));
        _cli.WriteSpec($$"""
            store: file://store
            model:
              name: mpg
              task: regression
              data: { train: data/train.csv }
              label: Miles_per_Gallon
              ignore: [Name]
              trainer: lightgbm
              params: { useCategoricalSplit: {{(categoricalSplits ? "true" : "false")}}, minimumExampleCountPerGroup: 5, numberOfIterations: 60 }
            """);
        using var run = await _cli.TrainAsync();
        await _cli.RegisterAsync(run.RootElement.GetProperty("id").GetString()!);
    }
}
