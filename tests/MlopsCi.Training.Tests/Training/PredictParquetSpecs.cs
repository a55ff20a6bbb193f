using System.Globalization;
using System.IO.Compression;
using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;
using Parquet.Serialization;

namespace MlopsCi.Training.Tests.Training;

/// <summary>'mlops predict' writing Parquet (issue 17): the same rows and predictions as the CSV output, typed, in row groups.</summary>
[Trait("Speed", "Slow")]
public sealed class PredictParquetSpecs
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task A_binary_Parquet_output_has_typed_input_columns_and_every_rows_prediction_equal_to_the_CSV_output_in_row_groups()
    {
        await using var repo = await TempRepository.CreateAsync();
        var run = await TrainAsync(repo, "model: { name: churn, task: binary, data: { train: train.csv }, label: label, trainer: sdca }", "train.csv", repo.WriteFile("train.csv", SyntheticData.Binary(600, 1)));
        // More rows than one row group holds; some without a label and some missing x3, as new data has.
        var lines = SyntheticData.Binary(70_000, 7).TrimEnd('\n').Split('\n');
        var input = repo.WriteFile("new.csv", string.Join('\n', lines.Select((l, i) => i > 0 && i % 10 == 0 ? Blank(l, i % 20 == 0 ? 2 : 4) : l)) + "\n");

        var csv = await PredictAsync(repo, run, input, "predictions.csv");
        var parquet = await PredictAsync(repo, run, input, "predictions.parquet");

        var table = await ParquetTable.ReadAsync(parquet.Path);
        Assert.Equal((70_000L, 70_000L), (csv.Rows, parquet.Rows));
        Assert.Equal(2, table.RowGroups);
        var header = File.ReadLines(csv.Path).First().Split(',');
        Assert.Equal(["x1", "x2", "x3", "color", "label", "PredictedLabel", "Score", "Probability"], header);
        Assert.Equal(header, table.Fields.Select(f => f.Name));
        Assert.Equal([typeof(double?), typeof(double?), typeof(double?), typeof(string), typeof(string), typeof(bool), typeof(float), typeof(float)], header.Select(table.TypeOf));
        var row = 0;
        foreach (var line in File.ReadLines(csv.Path).Skip(1))
        {
            var fields = line.Split(',');
            var parquetRow = table.Rows[row++];
            for (var c = 0; c < 3; c++)
                Assert.Equal(fields[c].Length == 0 ? null : double.Parse(fields[c], Invariant), (double?)parquetRow[header[c]]);
            Assert.Equal((fields[3], fields[4].Length == 0 ? null : fields[4]), ((string?)parquetRow["color"], (string?)parquetRow["label"]));
            Assert.Equal(bool.Parse(fields[5]), (bool)parquetRow["PredictedLabel"]!);
            Assert.Equal((float.Parse(fields[6], Invariant), float.Parse(fields[7], Invariant)), ((float)parquetRow["Score"]!, (float)parquetRow["Probability"]!));
        }

        Assert.Equal(70_000, row);
        Assert.Contains(table.Rows, r => r["label"] is null);
        Assert.Contains(table.Rows, r => r["x3"] is null);
    }

    [Fact]
    public async Task A_multiclass_Parquet_output_has_the_class_name_and_a_score_per_class_equal_to_the_CSV_output()
    {
        await using var repo = await TempRepository.CreateAsync();
        var run = await TrainAsync(repo, "model: { name: penguins, task: multiclass, data: { train: penguins.csv }, label: Species, trainer: lightgbm, params: { numberOfIterations: 30 } }", "penguins.csv", TestData.File("penguins.csv"));

        var csv = await PredictAsync(repo, run, TestData.File("penguins.csv"), "p.csv");
        var parquet = await PredictAsync(repo, run, TestData.File("penguins.csv"), "p.parquet");

        var table = await ParquetTable.ReadAsync(parquet.Path);
        var lines = File.ReadAllLines(csv.Path);
        var header = lines[0].Split(',');
        Assert.Equal(header, table.Fields.Select(f => f.Name));
        Assert.Equal([typeof(string), typeof(string), typeof(double?), typeof(string), typeof(string), typeof(float), typeof(float), typeof(float)], new[] { "Species", "Island", "Beak Length (mm)", "Sex", "PredictedLabel", "Score.Adelie", "Score.Chinstrap", "Score.Gentoo" }.Select(table.TypeOf));
        Assert.Equal(344, table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal(fields[7], table.Rows[i]["PredictedLabel"]);
            Assert.Equal(fields[8..].Select(f => float.Parse(f, Invariant)), new[] { "Score.Adelie", "Score.Chinstrap", "Score.Gentoo" }.Select(n => (float)table.Rows[i][n]!));
        }
    }

    [Fact]
    public async Task A_Parquet_input_keeps_its_column_types_and_nulls_in_a_Parquet_output()
    {
        await using var repo = await TempRepository.CreateAsync();
        var random = new Random(3);
        var cars = Enumerable.Range(0, 400).Select(i => new Car
        {
            Cylinders = 4 + (2 * random.Next(3)),
            Weight = 1_500 + random.Next(3_000),
            Horsepower = i % 25 == 0 ? null : 60 + random.Next(150),
            Origin = i % 3 == 0 ? "USA" : "Japan",
            Imported = i % 3 != 0,
        }).ToList();
        foreach (var car in cars)
            car.Mpg = MilesPerGallon(car);
        var file = Path.Combine(repo.Folder, "cars.parquet");
        Directory.CreateDirectory(repo.Folder);
        await ParquetSerializer.SerializeAsync(cars, file);
        var run = await TrainAsync(repo, "model: { name: mpg, task: regression, data: { train: cars.parquet }, label: Mpg, ignore: [Imported], trainer: fasttree }", "cars.parquet", file);

        var parquet = await PredictAsync(repo, run, file, "mpg.parquet");

        var table = await ParquetTable.ReadAsync(parquet.Path);
        Assert.Equal(["Cylinders", "Weight", "Horsepower", "Origin", "Imported", "Mpg", "Score"], table.Fields.Select(f => f.Name));
        Assert.Equal([typeof(int?), typeof(long?), typeof(float?), typeof(string), typeof(bool?), typeof(double?), typeof(float)], table.Fields.Select(f => table.TypeOf(f.Name)));
        Assert.Equal(cars.Select(c => (c.Cylinders, c.Weight, c.Horsepower, c.Origin, c.Imported, c.Mpg)),
            table.Rows.Select(r => ((int)r["Cylinders"]!, (long)r["Weight"]!, (float?)r["Horsepower"], (string)r["Origin"]!, (bool)r["Imported"]!, (double)r["Mpg"]!)));
        Assert.All(table.Rows, r => Assert.InRange((float)r["Score"]!, 5, 60));

        static double MilesPerGallon(Car car) => 60 - (car.Weight / 100.0) - car.Cylinders + (car.Origin == "Japan" ? 4 : 0);
    }

    [Fact]
    public async Task A_gzip_compressed_csv_input_is_predicted_like_the_plain_file()
    {
        await using var repo = await TempRepository.CreateAsync();
        var run = await TrainAsync(repo, "model: { name: churn, task: binary, data: { train: train.csv }, label: label, trainer: sdca }", "train.csv", repo.WriteFile("train.csv", SyntheticData.Binary(300, 1)));
        var plain = repo.WriteFile("new.csv", SyntheticData.Binary(120, 5));
        var gz = plain + ".gz";
        await using (var output = new GZipStream(File.Create(gz), CompressionLevel.Optimal))
            await output.WriteAsync(await File.ReadAllBytesAsync(plain));

        var fromPlain = await PredictAsync(repo, run, plain, "plain.csv");
        var fromGzip = await PredictAsync(repo, run, gz, "gzip.csv");

        Assert.Equal(120, fromGzip.Rows);
        Assert.Equal(await File.ReadAllTextAsync(fromPlain.Path), await File.ReadAllTextAsync(fromGzip.Path));
    }

    [Fact]
    public async Task An_input_column_named_like_a_prediction_column_is_bad_input_for_Parquet_and_nothing_is_written()
    {
        await using var repo = await TempRepository.CreateAsync();
        var run = await TrainAsync(repo, "model: { name: churn, task: binary, data: { train: train.csv }, label: label, trainer: sdca }", "train.csv", repo.WriteFile("train.csv", SyntheticData.Binary(300, 1)));
        var input = repo.WriteFile("scored.csv", SyntheticData.Binary(50, 2).Replace("label\n", "Score\n", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => PredictAsync(repo, run, input, "out.parquet"));

        Assert.Contains("scored.csv has a column named like a prediction column (Score)", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.Folder, "predictions")));
    }

    private static async Task<RunRecord> TrainAsync(TempRepository repo, string yaml, string path, string file)
    {
        await repo.CommitAsync("main", new Dictionary<string, string> { [path] = file });
        return (await repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model(yaml), "main"), CancellationToken.None)).Run;
    }

    private static async Task<(string Path, long Rows)> PredictAsync(TempRepository repo, RunRecord run, string input, string name)
    {
        var output = Path.Combine(repo.Folder, "predictions", name);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var (_, rows) = await new PredictService(repo.Repository, repo.Trainer).PredictAsync(run.Id, null, null, input, output, CancellationToken.None);
        return (output, rows);
    }

    private static string Blank(string line, int column)
    {
        var fields = line.Split(',');
        fields[column] = "";
        return new StringBuilder().AppendJoin(',', fields).ToString();
    }

    private sealed class Car
    {
        public int Cylinders { get; set; }

        public long Weight { get; set; }

        public float? Horsepower { get; set; }

        public string Origin { get; set; } = "";

        public bool Imported { get; set; }

        public double Mpg { get; set; }
    }
}
