using MlopsCi.Core.Drift;
using MlopsCi.Core.Specs;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Drift.Tests.Drift;

/// <summary>Drift reads the model's CSV dialect (issue 17): another separator, no header line, names from the spec.</summary>
public sealed class CsvDialectDriftSpecs
{
    private static readonly string[] Columns = ["date", "precipitation", "temp_max", "temp_min", "wind", "weather"];

    [Fact]
    public async Task A_semicolon_file_without_a_header_drifts_like_the_comma_version_when_the_spec_names_its_columns()
    {
        var (before, after) = Years();
        var comma = await ReportAsync(text => string.Join('\n', [string.Join(',', Columns), .. text]) + "\n", dialect: null, before, after);

        var semicolon = await ReportAsync(text => string.Join('\n', text.Select(l => l.Replace(',', ';'))) + "\n", new CsvDialect(';', false, Columns), before, after);

        Assert.Equal((730L, 731L), (semicolon.BaselineRows, semicolon.CurrentRows));
        Assert.Equal(Columns.Where(c => c != "date").Order(StringComparer.Ordinal), semicolon.Columns.Where(c => c.Kind != ColumnKind.Skipped).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Figures(comma), Figures(semicolon));
        Assert.Contains(semicolon.Columns, c => c.Drifted);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('|')]
    [InlineData('\t')]
    public async Task A_csv_file_with_another_separator_and_a_header_drifts_like_the_comma_version_without_a_spec(char separator)
    {
        var (before, after) = Years();
        var comma = await ReportAsync(text => string.Join('\n', [string.Join(',', Columns), .. text]) + "\n", dialect: null, before, after, withModel: false);

        var other = await ReportAsync(text => string.Join('\n', [string.Join(separator, Columns), .. text.Select(l => l.Replace(',', separator))]) + "\n", dialect: null, before, after, withModel: false);

        Assert.Equal(6, other.Columns.Count);
        Assert.Equal(Figures(comma), Figures(other));
    }

    [Fact]
    public async Task A_latin1_file_with_decimal_commas_drifts_like_the_utf8_comma_version()
    {
        var (before, after) = Years();
        string[] columns = ["date", "précipitation", "temp_max", "temp_min", "wind", "weather"];
        var comma = await ReportAsync(text => string.Join('\n', [string.Join(',', columns), .. text]) + "\n", dialect: null, before, after);

        var european = await ReportAsync(
            text => string.Join('\n', [string.Join(';', columns), .. text.Select(l => l.Replace(',', ';').Replace('.', ','))]) + "\n",
            new CsvDialect(null, true, [], "latin1", ','),
            before,
            after,
            encoding: System.Text.Encoding.Latin1);

        Assert.Contains(european.Columns, c => c.Name == "précipitation" && c.Kind == ColumnKind.Numeric);
        Assert.Equal(Figures(comma), Figures(european));
    }

    [Fact]
    public async Task Declared_missing_markers_make_None_a_category_that_is_counted_and_compared()
    {
        var (before, after) = Years();
        string[] Renamed(string[] lines) => [.. lines.Select(l => l.EndsWith(",sun", StringComparison.Ordinal) ? l[..^3] + "None" : l)];
        (before, after) = (Renamed(before), Renamed(after));
        var suns = before.Count(l => l.EndsWith(",None", StringComparison.Ordinal));
        string Write(string[] text) => string.Join('\n', [string.Join(',', Columns), .. text]) + "\n";

        var byDefault = await ReportAsync(Write, new CsvDialect(null, true, []), before, after);
        var declared = await ReportAsync(Write, new CsvDialect(null, true, []) { Missing = [""] }, before, after);

        Assert.InRange(suns, 100, 729);
        Assert.Equal(730 - suns, byDefault.Columns.Single(c => c.Name == "weather").BaselineCount);
        Assert.Equal(730, declared.Columns.Single(c => c.Name == "weather").BaselineCount);
    }

    /// <summary>seattle-weather rows of 2012–2013 and of 2014–2015, without the header line.</summary>
    private static (string[] Before, string[] After) Years()
    {
        var lines = File.ReadAllLines(TestData.PackageFile("seattle-weather.csv"));
        Assert.Equal(string.Join(',', Columns), lines[0]);
        return (lines[1..731], lines[731..]);
    }

    private static async Task<DriftReport> ReportAsync(Func<string[], string> write, CsvDialect? dialect, string[] before, string[] after, bool withModel = true, System.Text.Encoding? encoding = null)
    {
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["weather.csv"] = write(before) }, "before", encoding);
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["weather.csv"] = write(after) }, encoding: encoding);
        var model = new ModelSpec("weather", ModelTask.Multiclass, new ModelDataSpec("weather.csv", null, null) { Csv = dialect }, "weather", [], [], [], [], "lightgbm", new Dictionary<string, string>(), 1, "date");
        var options = withModel ? new DriftOptions(DriftSpec.Default, model) : new DriftOptions(DriftSpec.Default, Path: "weather.csv");
        return await new DriftService(repo.Repository).CompareAsync("before", "main", options, default);
    }

    private static List<(string, ColumnKind, double?, double?, bool)> Figures(DriftReport report) =>
        [.. report.Columns.Select(c => (c.Name, c.Kind, c.Psi, c.PValue, c.Drifted)).OrderBy(c => c.Name, StringComparer.Ordinal)];
}
