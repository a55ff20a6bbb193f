using System.Text.RegularExpressions;
using MlopsCi.MSBuild.Tests.Support;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.MSBuild.Tests;

[Collection(PackedPackageCollection.Name)]
[Trait("Speed", "Slow")]
public sealed partial class PredictSpecs(PackedPackage package)
{
    [Fact]
    public async Task A_build_writes_predictions_of_the_model_it_trains_or_of_a_named_model_as_Parquet_or_CSV()
    {
        var store = await package.NewStoreAsync();
        var consumer = package.CopyConsumer("Predictor");
        // New rows without a label, as a project scores them.
        await File.WriteAllLinesAsync(Path.Combine(consumer, "new-rows.csv"), SyntheticData.Binary(25, 9).TrimEnd('\n').Split('\n').Select((l, i) => i == 0 ? l : l[..l.LastIndexOf(',')] + ","));

        var trained = (await package.BuildAsync(consumer, store)).EnsureSuccess("build that trains, then predicts");
        var parquet = Path.Combine(consumer, "out", "predictions.parquet");
        var printed = Printed().Match(trained.Output);
        Assert.True(printed.Success, trained.Output);
        Assert.Equal(("25", parquet), (printed.Groups["rows"].Value, printed.Groups["path"].Value));
        Assert.Contains("MlopsPredict: wrote 25 rows with predictions of " + printed.Groups["run"].Value, trained.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(parquet);
        Assert.Equal("PAR1PAR1", System.Text.Encoding.ASCII.GetString([.. bytes[..4], .. bytes[^4..]]));

        var named = (await package.BuildAsync(consumer, store, "MlopsPredictModel=" + printed.Groups["run"].Value, "MlopsPredictOutput=out/predictions.csv")).EnsureSuccess("build with a named model");
        var lines = await File.ReadAllLinesAsync(Path.Combine(consumer, "out", "predictions.csv"));
        Assert.DoesNotContain("MlopsTrain", named.Output, StringComparison.Ordinal);
        Assert.Equal("x1,x2,x3,color,label,PredictedLabel,Score,Probability", lines[0]);
        Assert.Equal(26, lines.Length);
        Assert.Equal(1, PackedPackage.RunCount(store));
    }

    [Fact]
    public async Task A_missing_input_file_fails_the_build_with_MLOPS003_naming_it()
    {
        var store = await package.NewStoreAsync(rows: 60);
        var consumer = package.CopyConsumer("Predictor");

        var build = await package.BuildAsync(consumer, store, "MlopsPredictModel=tiny@champion", "MlopsPredictInput=nowhere.csv");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"error MLOPS003: The input file '{Path.Combine(consumer, "nowhere.csv")}' does not exist.", build.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"MLOPS-PREDICT rows=(?<rows>\d+) path=(?<path>\S+) run=(?<run>\S+)")]
    private static partial Regex Printed();
}
