using System.IO.Compression;
using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;
using Parquet.Serialization;

namespace MlopsCi.Training.Tests.Training;

public sealed class InputFormatSpecs
{
    [Fact]
    public async Task Parquet_files_train_like_csv()
    {
        await using var repo = await TempRepository.CreateAsync();
        var random = new Random(4);
        var rows = Enumerable.Range(0, 600).Select(_ => new Row { Distance = random.Next(100, 3000), Origin = random.Next(2) == 0 ? "SEA" : "PDX" }).ToList();
        foreach (var row in rows)
            row.Delay = (row.Distance / 100.0) + (row.Origin == "SEA" ? 5 : 0) + random.NextDouble();
        var file = Path.Combine(repo.Folder, "flights.parquet");
        Directory.CreateDirectory(repo.Folder);
        await ParquetSerializer.SerializeAsync(rows, file);
        await repo.CommitAsync("main", new Dictionary<string, string> { ["flights/flights.parquet"] = file });
        var spec = TempRepository.Model("model: { name: delay, task: regression, data: { train: flights/flights.parquet }, label: Delay, trainer: fasttree }");

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        Assert.InRange(run.Metrics[MetricNames.R2], 0.9, 1.0);
        Assert.Equal(["Distance", "Origin"], run.Schema!.Columns.Select(c => c.Name));
        Assert.Equal("categorical", run.Schema.Columns[1].Kind);
    }

    [Fact]
    public async Task Tsv_files_and_text_columns_train()
    {
        await using var repo = await TempRepository.CreateAsync();
        var tsv = string.Join('\n', File.ReadAllLines(TestData.File("cars.csv")).Select(l => l.Replace(",", "\t", StringComparison.Ordinal))) + "\n";
        await repo.CommitAsync("main", new Dictionary<string, string> { ["cars.tsv"] = repo.WriteFile("cars.tsv", tsv) });
        var spec = TempRepository.Model("model: { name: mpg, task: regression, data: { train: cars.tsv }, label: Miles_per_Gallon, text: [Name], ignore: [Year], trainer: sdca }");

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        Assert.Equal("text", run.Schema!.Columns.Single(c => c.Name == "Name").Kind);
        Assert.InRange(run.Metrics[MetricNames.R2], 0.6, 1.0);
    }

    [Theory]
    [InlineData("cars.csv.gz", ',')]
    [InlineData("cars.tsv.gz", '\t')]
    public async Task Gzip_compressed_csv_and_tsv_train_evaluate_and_score_like_plain_files(string name, char separator)
    {
        // Issue 17 (Seen): a .csv.gz training file was parsed as plain text by mlops train.
        await using var repo = await TempRepository.CreateAsync();
        var text = string.Join('\n', File.ReadAllLines(TestData.File("cars.csv")).Select(l => separator == ',' ? l : l.Replace(',', separator))) + "\n";
        var gz = Path.Combine(repo.Folder, name);
        Directory.CreateDirectory(repo.Folder);
        await using (var output = new GZipStream(File.Create(gz), CompressionLevel.Optimal))
            await output.WriteAsync(Encoding.UTF8.GetBytes(text));
        await repo.CommitAsync("main", new Dictionary<string, string> { [name] = gz, ["test/" + name] = gz });
        var spec = TempRepository.Model($"model: {{ name: mpg, task: regression, data: {{ train: {name} }}, label: Miles_per_Gallon, ignore: [Name], trainer: fasttree }}");

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;
        var evaluated = await new EvaluateService(repo.Repository, repo.Trainer).EvaluateAsync(run.Id, "main", "test/" + name, CancellationToken.None);

        Assert.InRange(run.Metrics[MetricNames.R2], 0.6, 1.0);
        Assert.Equal(["Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration", "Year", "Origin"], run.Schema!.Columns.Select(c => c.Name));
        Assert.Equal(406 - 8 - run.TrainRows, evaluated.Predictions.Count);
    }

    [Fact]
    public async Task A_parquet_file_that_is_not_parquet_is_bad_input_naming_the_file()
    {
        // Issue 17 (Seen): exit 1 and "Free space or fix permissions on the store…".
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["flights.parquet"] = TestData.File("cars.csv") });
        var spec = TempRepository.Model("model: { name: mpg, task: regression, data: { train: flights.parquet }, label: Miles_per_Gallon }");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None));

        Assert.StartsWith("flights.parquet is not a Parquet file", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    private sealed class Row
    {
        public double Distance { get; set; }

        public string Origin { get; set; } = "";

        public double Delay { get; set; }
    }
}
