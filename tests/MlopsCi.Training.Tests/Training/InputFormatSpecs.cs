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

    private sealed class Row
    {
        public double Distance { get; set; }

        public string Origin { get; set; } = "";

        public double Delay { get; set; }
    }
}
