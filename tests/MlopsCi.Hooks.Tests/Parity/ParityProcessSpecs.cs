using MlopsCi.Cli.Tests;
using MlopsCi.Core.Tests;
using static MlopsCi.Hooks.Tests.Parity.RealTables;

namespace MlopsCi.Hooks.Tests.Parity;

/// <summary>Severity and destination comparisons through the real <c>mlops</c> program: exit codes and annotations.</summary>
public sealed class ParityProcessSpecs : IDisposable
{
    private const string Rules = """
        on: { pre-commit: { branches: ["*"] } }
        hooks:
          - { id: new-weather, type: new-categories, properties: { column: weather } }
          - id: rows
            type: row-count
            properties: { change: ±10% }
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_warning_annotates_without_blocking_and_a_failing_change_exits_1()
    {
        var weather = Weather();
        _temp.Write("data/_mlops/hooks.yml", Rules);
        _temp.Write("data/weather.csv", Csv(WeatherHeader, weather));
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "init")).ExitCode);
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "commit", "main", "data", "-m", "weather")).ExitCode);
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "tag", "create", "v1", "main")).ExitCode);
        _temp.Write("data/weather.csv", Csv(WeatherHeader, weather.Select((r, i) => i == 9 ? [r[0], r[1], r[2], r[3], r[4], "hail"] : r)));

        var warned = await OnActionsAsync("data", "commit", "main", "data", "-m", "hail");
        _temp.Write("data/weather.csv", Csv(WeatherHeader, weather.Take(1000)));
        var failed = await OnActionsAsync("data", "commit", "main", "data", "-m", "fewer rows");
        var against = await MlopsProcess.RunAsync(_temp.Path, "data", "validate", "main", "--all", "--against", "v1");

        Assert.Equal(0, warned.ExitCode);
        Assert.Contains(
            "::warning file=weather.csv,line=11,title=pre-commit hook new-weather warned::new-weather: weather.csv, column weather: 1 row holds a value the destination never had ('hail'): row 10: \"hail\"",
            warned.Error.Split('\n'));
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("has 1,000 rows, -31.55% from the destination's 1,461 rows; at most ±10% is allowed", failed.Error, StringComparison.Ordinal);
        Assert.Contains("::error file=weather.csv,title=pre-commit hook rows failed::", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, against.ExitCode);
        Assert.Contains("WARN  new-weather", against.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ id: recent, type: freshness, properties: { column: date, max-age: soon } }", "_mlops/hooks.yml line 3: 'hooks[0].properties.max-age' must be a period like 30d, 12h, 2w or P1D, not 'soon'")]
    [InlineData("{ id: known, type: referential, properties: { column: origin, refs: airports.csv } }", "_mlops/hooks.yml line 3: 'hooks[0].properties.refs' must be a data path and a column joined by ':'")]
    [InlineData("{ id: odd, type: uniqueness, properties: { column: id } }", "_mlops/hooks.yml line 3: unknown hook type 'uniqueness'")]
    public async Task Bad_parity_configuration_exits_2_naming_the_line(string hook, string expected)
    {
        _temp.Write("data/weather.csv", Csv(WeatherHeader, Weather().Take(5)));
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "init")).ExitCode);
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "commit", "main", "data", "-m", "weather")).ExitCode);
        _temp.Write("data/_mlops/hooks.yml", "on: { pre-commit: }\nhooks:\n  - " + hook + "\n");

        var commit = await MlopsProcess.RunAsync(_temp.Path, "data", "commit", "main", "data", "-m", "rules");

        Assert.Equal(2, commit.ExitCode);
        Assert.Contains(expected, commit.Error, StringComparison.Ordinal);
    }

    private async Task<MlopsProcess.Result> OnActionsAsync(params string[] args) =>
        await MlopsProcess.RunAsync(MlopsProcess.StartInfo(_temp.Path, args, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }));
}
