using System.Text.Json;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Commands;

/// <summary>'mlops predict' as a user runs it: the real mlops program on a local store.</summary>
public sealed class PredictCommandSpecs : IDisposable
{
    private readonly CliWorkspace _cli = new();

    [Fact]
    public async Task Every_row_of_a_local_file_gets_its_prediction_labelled_or_not()
    {
        await _cli.CommitDataAsync(await File.ReadAllTextAsync(TestData.File("cars.csv")));
        _cli.WriteSpec("store: file://store\nmodel: { name: mpg, task: regression, data: { train: data/train.csv }, label: Miles_per_Gallon, ignore: [Name], trainer: fasttree }\n");
        using var run = await _cli.TrainAsync();
        var input = Path.Combine(_cli.Folder, "new-cars.csv");
        var lines = File.ReadAllLines(TestData.File("cars.csv"));
        // Rows without a label (as new data has), one with a comma in a quoted name.
        static string WithoutLabel(string line)
        {
            var fields = line.Split(',');
            fields[1] = "";
            return string.Join(',', fields);
        }

        await File.WriteAllLinesAsync(input, [lines[0], .. lines.Skip(1).Take(30).Select(WithoutLabel), "\"ford, custom\",,8,302,140,4141,14,1974-01-01,USA"]);

        var predict = await _cli.RunAsync("predict", "--model", run.RootElement.GetProperty("id").GetString()!, "--input", "new-cars.csv", "--out", "predictions.csv", "--json");

        Assert.True(predict.ExitCode == 0, predict.ToString());
        using var json = JsonDocument.Parse(predict.Out);
        Assert.Equal(31, json.RootElement.GetProperty("rows").GetInt64());
        var written = File.ReadAllLines(Path.Combine(_cli.Folder, "predictions.csv"));
        Assert.Equal("Name,Miles_per_Gallon,Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year,Origin,Score", written[0]);
        Assert.Equal(32, written.Length);
        Assert.StartsWith("\"ford, custom\",,8,302,140,4141,14,1974-01-01,USA,", written[^1], StringComparison.Ordinal);
        Assert.All(written.Skip(1), l => Assert.InRange(double.Parse(l[(l.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture), 5, 50));
    }

    [Fact]
    public async Task Out_with_a_parquet_extension_writes_Parquet_with_every_row_and_reports_rows_per_second()
    {
        await _cli.CommitDataAsync(await File.ReadAllTextAsync(TestData.File("cars.csv")));
        _cli.WriteSpec("store: file://store\nmodel: { name: mpg, task: regression, data: { train: data/train.csv }, label: Miles_per_Gallon, ignore: [Name], trainer: fasttree }\n");
        using var run = await _cli.TrainAsync();

        var predict = await _cli.RunAsync("predict", "--model", run.RootElement.GetProperty("id").GetString()!, "--ref", "main", "--path", "data/train.csv", "--out", "predictions.parquet", "--json");

        Assert.True(predict.ExitCode == 0, predict.ToString());
        using var json = JsonDocument.Parse(predict.Out);
        var table = await ParquetTable.ReadAsync(Path.Combine(_cli.Folder, "predictions.parquet"));
        Assert.Equal(406, json.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(406, table.Rows.Count);
        Assert.True(json.RootElement.GetProperty("rowsPerSecond").GetDouble() > 0, predict.Out);
        Assert.Equal("Score", table.Fields[^1].Name);
        Assert.Equal((typeof(string), typeof(double?)), (table.TypeOf("Name"), table.TypeOf("Horsepower")));
        Assert.False(File.Exists(Path.Combine(_cli.Folder, "predictions.parquet.partial")));
    }

    [Fact]
    public async Task An_out_file_that_is_neither_csv_nor_parquet_is_a_usage_error()
    {
        var predict = await _cli.RunAsync("predict", "--model", "mpg@champion", "--input", "new.csv", "--out", "predictions.json");

        Assert.Equal(2, predict.ExitCode);
        Assert.Contains("--out is a .csv or .parquet file (the extension chooses the format), not 'predictions.json'", predict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predicting_without_rows_is_a_usage_error()
    {
        var predict = await _cli.RunAsync("predict", "--model", "mpg@champion", "--out", "p.csv");

        Assert.Equal(2, predict.ExitCode);
        Assert.Contains("--ref <data-ref> --path <file>, or --input <local file>", predict.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
