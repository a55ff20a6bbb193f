using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Specs;
using MlopsCi.Training.Tests.Support;
using static MlopsCi.Hooks.Tests.Checks;

namespace MlopsCi.Hooks.Tests;

/// <summary>
/// Hooks, the row diff and the report's data diff read the model's CSV dialect (issue 17): a ';'-separated file without
/// a header line, whose columns the spec names, gives the same results as the comma-separated file with a header.
/// </summary>
public sealed class CsvDialectSpecs
{
    private const string Path = "data/weather.csv";
    private static readonly string[] Columns = ["date", "precipitation", "temp_max", "temp_min", "wind", "weather"];
    private static readonly CsvDialects Semicolons = CsvDialects.For(Model(new CsvDialect(';', false, Columns)));

    private static readonly string HookRules = Rules(
        Hook("warm", "range", "{ column: temp_max, min: 0, max: 30 }"),
        Hook("kinds", "allowed-values", "{ column: weather, values: [sun, rain, fog] }"),
        Hook("day", "unique", "{ column: date }"),
        Hook("wet", "not-null", "{ columns: [precipitation] }"));

    [Fact]
    public async Task Hooks_find_the_same_rows_in_a_semicolon_file_without_a_header_as_in_the_comma_version()
    {
        var rows = Weather();
        var comma = await HookRunAsync(WithHeader(rows, ','), CsvDialects.None);

        var semicolon = await HookRunAsync(Headerless(rows, ';'), Semicolons);

        Assert.Equal(Findings(comma), Findings(semicolon));
        Assert.Equal([false, false, true, true], semicolon.Results.Select(r => r.Passed));
        Assert.All(semicolon.Results.SelectMany(r => r.Findings).SelectMany(f => f.Samples), s => Assert.Equal(s.Row, s.Line));
        Assert.Equal(rows.Length, semicolon.Results[0].RowsChecked);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('|')]
    [InlineData('\t')]
    public async Task Hooks_sniff_the_separator_of_a_csv_file_with_a_header(char separator)
    {
        var rows = Weather();
        var comma = await HookRunAsync(WithHeader(rows, ','), CsvDialects.None);

        var other = await HookRunAsync(WithHeader(rows, separator), CsvDialects.None);

        Assert.Equal(Findings(comma), Findings(other));
        Assert.Contains(other.Results, r => !r.Passed);
    }

    [Fact]
    public async Task The_dialect_applies_to_the_models_files_only()
    {
        var rows = Weather();

        var run = await HookRunAsync(WithHeader(rows, ','), Semicolons, path: "other/weather.csv");

        Assert.Equal(rows.Length, run.Results[0].RowsChecked);
        Assert.False(run.Results[0].Passed);
    }

    [Fact]
    public async Task Mlops_data_commit_reads_the_models_files_in_the_dialect_of_mlops_yml()
    {
        using var temp = new Core.Tests.TempFolder();
        temp.Write("mlops.yml", "model:\n  name: fares\n  task: regression\n  data:\n    train: trips/\n    csv: { separator: ';', header: false, columns: [id, fare_amount] }\n  label: fare_amount\n");
        temp.Write("data/_mlops/hooks.yml", ConfigParserSpecs.IssueExample);
        temp.Write("data/trips/jan.csv", "1;10\n");
        Assert.Equal(0, (await Cli.Tests.MlopsProcess.RunAsync(temp.Path, "data", "init")).ExitCode);
        var rules = await Cli.Tests.MlopsProcess.RunAsync(temp.Path, "data", "commit", "main", "data", "-m", "rules");
        Assert.True(rules.ExitCode == 0, rules.ToString());
        temp.Write("data/trips/feb.csv", "1;12\n2;-4\n3;\n4;1500\n");

        var commit = await Cli.Tests.MlopsProcess.RunAsync(temp.Path, "data", "commit", "main", "data", "-m", "bad");

        Assert.True(commit.ExitCode == 1, commit.ToString());
        Assert.Contains("trips/feb.csv, column fare_amount: 1 row is null: row 3: null", commit.Error, StringComparison.Ordinal);
        Assert.Contains("trips/feb.csv, column fare_amount: 2 rows are not a number between 0 and 1000: row 2: \"-4\", row 4: \"1500\"", commit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mlops_data_commit_reads_decimal_commas_in_a_latin1_file_as_numbers()
    {
        using var temp = new Core.Tests.TempFolder();
        temp.Write("mlops.yml", "model:\n  name: fares\n  task: regression\n  data:\n    train: trips/\n    csv: { separator: ';', header: false, columns: [stadt, fare_amount], encoding: latin1, decimal: ',' }\n  label: fare_amount\n");
        temp.Write("data/_mlops/hooks.yml", ConfigParserSpecs.IssueExample);
        File.WriteAllText(temp.Write("data/trips/jan.csv", ""), "Zürich;10,5\n", System.Text.Encoding.Latin1);
        Assert.Equal(0, (await Cli.Tests.MlopsProcess.RunAsync(temp.Path, "data", "init")).ExitCode);
        var rules = await Cli.Tests.MlopsProcess.RunAsync(temp.Path, "data", "commit", "main", "data", "-m", "rules");
        Assert.True(rules.ExitCode == 0, rules.ToString());
        File.WriteAllText(temp.Write("data/trips/feb.csv", ""), "Köln;12,5\nMalmö;-4,25\nGenève;\nSão Paulo;1500,5\n", System.Text.Encoding.Latin1);

        var commit = await Cli.Tests.MlopsProcess.RunAsync(temp.Path, "data", "commit", "main", "data", "-m", "bad");

        Assert.True(commit.ExitCode == 1, commit.ToString());
        Assert.Contains("trips/feb.csv, column fare_amount: 1 row is null: row 3: null", commit.Error, StringComparison.Ordinal);
        Assert.Contains("trips/feb.csv, column fare_amount: 2 rows are not a number between 0 and 1000: row 2: \"-4.25\", row 4: \"1500.5\"", commit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyed_row_diff_of_a_semicolon_file_without_a_header_equals_the_comma_versions()
    {
        var (before, after) = Edited();
        using var temp = new Core.Tests.TempFolder();
        var options = new RowDiffOptions { Key = ["date"] };
        var comma = await RowDiffer.CompareAsync(Input(temp.Write("c/" + Path, WithHeader(before, ','))), Input(temp.Write("c/" + Path + "2", WithHeader(after, ','))), options, default);

        var semicolon = await RowDiffer.CompareAsync(
            Input(temp.Write("s/" + Path, Headerless(before, ';'))), Input(temp.Write("s/" + Path + "2", Headerless(after, ';'))), options with { Dialects = Semicolons }, default);

        Assert.Equal((5L, 10L), (semicolon.RowsAdded, semicolon.RowsRemoved));
        Assert.InRange(semicolon.RowsModified, 5, 15);
        Assert.Equal(Summary(comma), Summary(semicolon));
        Assert.False(semicolon.Schema.Changed);
    }

    [Fact]
    public async Task The_reports_data_diff_of_a_semicolon_file_without_a_header_equals_the_comma_versions()
    {
        var (before, after) = Edited();
        var keys = new TableKeys([new("data/*.csv", ["date"])]);
        var comma = await DataDiffAsync(WithHeader(before, ','), WithHeader(after, ','), new DataDiffOptions { Keys = keys });

        var semicolon = await DataDiffAsync(Headerless(before, ';'), Headerless(after, ';'), new DataDiffOptions { Keys = keys, Dialects = Semicolons });

        var table = Assert.Single(semicolon.Files).Table!;
        var expected = Assert.Single(comma.Files).Table!;
        Assert.Null(table.Note);
        Assert.Equal((5L, 10L, expected.RowsModified), (table.RowsAdded, table.RowsRemoved, table.RowsModified));
        Assert.InRange(table.RowsModified, 5, 15);
        Assert.Equal(expected.ChangedColumns, table.ChangedColumns);
        Assert.Equal(expected.ModifiedSamples.Select(s => string.Join('|', s.Key)), table.ModifiedSamples.Select(s => string.Join('|', s.Key)));
    }

    private static ModelSpec Model(CsvDialect? dialect) =>
        new("weather", ModelTask.Multiclass, new ModelDataSpec(Path, null, null) { Csv = dialect }, "weather", [], [], [], [], "lightgbm", new Dictionary<string, string>(), 1);

    /// <summary>The rows of vega-datasets' seattle-weather.csv, without the header line.</summary>
    private static string[] Weather()
    {
        var lines = File.ReadAllLines(TestData.PackageFile("seattle-weather.csv"));
        Assert.Equal(string.Join(',', Columns), lines[0]);
        return lines[1..];
    }

    /// <summary>The weather rows, and the same with ten days removed, five added and twelve edited.</summary>
    private static (string[] Before, string[] After) Edited()
    {
        var rows = Weather();
        var after = rows.Where((_, i) => i is < 100 or >= 110).Select((row, i) => i % 100 == 7 ? row.Replace(",sun", ",fog", StringComparison.Ordinal).Replace(",rain", ",snow", StringComparison.Ordinal) : row).ToList();
        after.AddRange(Enumerable.Range(1, 5).Select(d => $"2016-01-0{d},0.0,9.0,3.0,2.0,sun"));
        return (rows, [.. after]);
    }

    private static string WithHeader(IEnumerable<string> rows, char separator) =>
        string.Join('\n', [string.Join(separator, Columns), .. rows.Select(r => r.Replace(',', separator))]) + "\n";

    private static string Headerless(IEnumerable<string> rows, char separator) => string.Join('\n', rows.Select(r => r.Replace(',', separator))) + "\n";

    private static async Task<HookRun> HookRunAsync(string content, CsvDialects dialects, string path = Path)
    {
        await using var repository = await HookRepository.CreateAsync(dialects: dialects);
        repository.Write("_mlops/hooks.yml", HookRules);
        await repository.CommitAsync();
        repository.Write(path, content);
        await Assert.ThrowsAsync<HookFailedException>(() => repository.CommitAsync());
        return repository.Runs[^1];
    }

    private static async Task<DataDiffSection> DataDiffAsync(string before, string after, DataDiffOptions options)
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write(Path, before);
        var first = await repository.CommitAsync(check: false);
        repository.Write(Path, after);
        var second = await repository.CommitAsync(check: false);
        return await DataDiffBuilder.BuildAsync(repository.Repository, first.Commit, second.Commit, options, default);
    }

    private static List<string> Findings(HookRun run) =>
        [.. run.Results.SelectMany(r => r.Findings.Select(f => $"{r.HookId} {f.Column} {f.OffendingRows}: {string.Join(", ", f.Samples.Select(s => $"{s.Row}={s.Value}"))}"))];

    private static string Summary(RowDiff diff) =>
        $"{diff.RowsBefore} {diff.RowsAfter} +{diff.RowsAdded} -{diff.RowsRemoved} ~{diff.RowsModified} "
        + string.Join(", ", diff.ChangedColumns.Select(c => $"{c.Column}:{c.Cells}")) + " "
        + string.Join(", ", diff.Samples.Select(s => $"{s.Kind} {string.Join('|', s.Key)} {string.Join(' ', s.Cells.Select(c => $"{c.Column}={c.Before}>{c.After}"))}"));

    private static RowDiffInput Input(string path) =>
        new(path[(path.IndexOf("data/", StringComparison.Ordinal))..].TrimEnd('2'), _ => Task.FromResult<Stream>(File.OpenRead(path)), new FileInfo(path).Length);
}
