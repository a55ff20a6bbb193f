using MlopsCi.Core.Errors;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Services;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Training.Tests.Training;

/// <summary>Real-world CSV files: other separators, no header line (issue 17).</summary>
public sealed class CsvDialectSpecs
{
    private const string Cars = "model: { name: mpg, task: regression, data: { train: FILE }, label: Miles_per_Gallon, ignore: [Name], trainer: fasttree }";

    private static string CarsWith(char separator, bool header = true) =>
        string.Join('\n', File.ReadAllLines(TestData.File("cars.csv")).Skip(header ? 0 : 1).Select(l => l.Replace(',', separator))) + "\n";

    /// <summary>Small whole numbers in every column, as in the heart-disease data: a first row of them repeats values.</summary>
    private static string Heart(int rows, bool header)
    {
        var random = new Random(7);
        var lines = header ? new List<string> { "age,sex,cp,chol,target" } : [];
        for (var i = 0; i < rows; i++)
        {
            var (age, sex, cp) = (random.Next(30, 80), random.Next(2), random.Next(4));
            var chol = random.Next(150, 300);
            var target = (age / 10) + cp + (random.Next(3) == 0 ? 1 : 0) > 7 ? 1 : 0;
            lines.Add($"{age},{sex},{cp},{chol},{target}");
        }

        lines[header ? 1 : 0] = "1,0,1,0,1";
        return string.Join('\n', lines) + "\n";
    }

    [Theory]
    [InlineData(';')]
    [InlineData('|')]
    [InlineData('\t')]
    public async Task A_csv_file_with_another_separator_trains_like_a_comma_separated_one(char separator)
    {
        // Issue 17 (Seen): the same bytes trained as .txt but failed as .csv with "label column 'label' is missing … (did you mean 'age;sex;…')".
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["cars.csv"] = repo.WriteFile("cars.csv", CarsWith(separator)) });

        var run = (await repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model(Cars.Replace("FILE", "cars.csv", StringComparison.Ordinal)), "main"), CancellationToken.None)).Run;

        Assert.Equal(["Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration", "Year", "Origin"], run.Schema!.Columns.Select(c => c.Name));
        Assert.InRange(run.Metrics[MetricNames.R2], 0.6, 1.0);
    }

    [Fact]
    public async Task A_headerless_file_is_told_that_its_first_row_looks_like_data_and_what_to_set()
    {
        // Issue 17 (Seen): "the header names a column twice (0, 1, 6, 15 …)".
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["heart.csv"] = repo.WriteFile("heart.csv", Heart(300, header: false)) });
        var spec = TempRepository.Model("model: { name: heart, task: binary, data: { train: heart.csv }, label: target }");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None));

        Assert.StartsWith("heart.csv line 1: the first line looks like data, not a header (every value is a number: 1, 0, 1, 0, 1).", error.Message, StringComparison.Ordinal);
        Assert.Contains("csv: { header: false, columns: [", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_headerless_file_trains_with_the_column_names_of_the_spec()
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["heart.csv"] = repo.WriteFile("heart.csv", Heart(300, header: false)) });
        var spec = TempRepository.Model("""
            model:
              name: heart
              task: binary
              data:
                train: heart.csv
                csv: { header: false, columns: [age, sex, cp, chol, target] }
              label: target
            """);

        var run = (await repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None)).Run;

        Assert.Equal(["age", "sex", "cp", "chol"], run.Schema!.Columns.Select(c => c.Name));
        Assert.Equal(300, run.TrainRows + run.TestRows);
    }

    [Fact]
    public async Task A_label_with_no_close_column_gets_no_suggestion()
    {
        // Issue 17 (Seen): 'target' and 'date' both got "did you mean 'age'?".
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitAsync("main", new Dictionary<string, string> { ["heart.csv"] = repo.WriteFile("heart.csv", Heart(50, header: true).Replace("target", "label", StringComparison.Ordinal)) });
        var spec = TempRepository.Model("model: { name: heart, task: binary, data: { train: heart.csv }, label: target }");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => repo.Training.TrainAsync(new TrainingRequest(spec, "main"), CancellationToken.None));

        Assert.Equal("mlops.yml line 1: label column 'target' is missing from heart.csv (columns: age, sex, cp, chol, label).", error.Message);
    }

    [Fact]
    public async Task A_latin1_file_with_decimal_commas_trains_and_scores_exactly_like_its_utf8_twin()
    {
        // Issue 17: 'encoding' and 'decimal' in model.data.csv. Train and test files are given, so no split rewrites them:
        // ML.NET's loader must get the rows as the spec's dialect reads them.
        // Rows without a label are left out here: dropping them would rewrite the files anyway.
        var lines = File.ReadAllLines(TestData.File("cars.csv")).Where(l => l.Split(',')[1].Length > 0).ToArray();
        lines[0] = lines[0].Replace("Displacement", "Cylindrée", StringComparison.Ordinal);
        var (train, test) = (lines[..301], lines[301..]);
        string European(IEnumerable<string> rows) => string.Join("\r\n", rows.Select(l => l.Replace(',', ';').Replace('.', ','))) + "\r\n";
        string Plain(IEnumerable<string> rows) => string.Join('\n', rows) + "\n";
        const string Spec = "model: { name: mpg, task: regression, data: { train: train.csv, test: test.csv CSV }, label: Miles_per_Gallon, ignore: [Name], trainer: fasttree }";

        await using var twin = await TempRepository.CreateAsync();
        await twin.CommitAsync("main", new Dictionary<string, string> { ["train.csv"] = twin.WriteFile("train.csv", Plain(train)), ["test.csv"] = twin.WriteFile("test.csv", Plain([lines[0], .. test])) });
        var expected = (await twin.Training.TrainAsync(new TrainingRequest(TempRepository.Model(Spec.Replace(" CSV", "", StringComparison.Ordinal)), "main"), CancellationToken.None)).Run;

        await using var repo = await TempRepository.CreateAsync();
        var (trainFile, testFile) = (repo.WriteFile("train.csv", ""), repo.WriteFile("test.csv", ""));
        File.WriteAllText(trainFile, European(train), System.Text.Encoding.Latin1);
        File.WriteAllText(testFile, European([lines[0], .. test]), System.Text.Encoding.Latin1);
        await repo.CommitAsync("main", new Dictionary<string, string> { ["train.csv"] = trainFile, ["test.csv"] = testFile });
        var run = (await repo.Training.TrainAsync(new TrainingRequest(TempRepository.Model(Spec.Replace(" CSV", ", csv: { encoding: latin1, decimal: ',' }", StringComparison.Ordinal)), "main"), CancellationToken.None)).Run;

        Assert.Contains("Cylindrée", run.Schema!.Columns.Select(c => c.Name));
        Assert.Equal((expected.TrainRows, expected.TestRows), (run.TrainRows, run.TestRows));
        Assert.Equal(expected.Metrics[MetricNames.R2], run.Metrics[MetricNames.R2]);
        Assert.Equal(expected.Metrics[MetricNames.Rmse], run.Metrics[MetricNames.Rmse]);
    }
}
