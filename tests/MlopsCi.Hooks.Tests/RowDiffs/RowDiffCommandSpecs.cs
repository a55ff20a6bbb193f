using System.Text.Json;
using MlopsCi.Cli.Tests;
using MlopsCi.Core.Tests;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Hooks.Tests.RowDiffs;

/// <summary><c>mlops data diff --rows</c> through the real program, on seattle-weather committed to a local store.</summary>
public sealed class RowDiffCommandSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<MlopsProcess.Result> Mlops(params string[] args) => MlopsProcess.RunAsync(_temp.Path, args);

    [Fact]
    public async Task Data_diff_rows_takes_the_key_from_the_spec_and_shows_old_and_new_cells_and_a_bad_key_exits_2()
    {
        var lines = await File.ReadAllLinesAsync(TestData.PackageFile("seattle-weather.csv"));
        _temp.Write("v1/weather/seattle.csv", string.Join('\n', lines) + "\n");
        var edited = lines.Take(3).Append(lines[3].Replace(",rain", ",snow", StringComparison.Ordinal)).Concat(lines.Skip(5));
        _temp.Write("v2/weather/seattle.csv", string.Join('\n', edited) + "\n");
        _temp.Write("mlops.yml", "data:\n  path: data/\n  keys:\n    \"weather/*.csv\": [date]\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        Assert.Equal(0, (await Mlops("data", "commit", "main", "v1", "-m", "one")).ExitCode);
        Assert.Equal(0, (await Mlops("data", "branch", "create", "pr", "--from", "main")).ExitCode);
        Assert.Equal(0, (await Mlops("data", "commit", "pr", "v2", "-m", "two")).ExitCode);

        var text = await Mlops("data", "diff", "main", "pr", "--rows");
        var json = await Mlops("data", "diff", "main", "pr", "--rows", "--json", "--path", "weather/seattle.csv");
        var unkeyed = await Mlops("data", "diff", "main", "pr", "--rows", "--key", "weather");
        var bad = await Mlops("data", "diff", "main", "pr", "--rows", "--key", "day");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("weather/seattle.csv  key (date): 1,461 → 1,460 rows, +0 added / −1 removed / ~1 modified", text.Out, StringComparison.Ordinal);
        Assert.Contains("~ row 3 (2012-01-03): weather: rain → snow", text.Out, StringComparison.Ordinal);
        Assert.Contains("− row 4 (2012-01-04): date=2012-01-04, precipitation=20.3", text.Out, StringComparison.Ordinal);
        var diff = Assert.Single(JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList());
        Assert.Equal(1, diff.GetProperty("rowsModified").GetInt64());
        Assert.Equal("weather", diff.GetProperty("changedColumns")[0].GetProperty("column").GetString());
        Assert.Contains("duplicate keys", unkeyed.Out, StringComparison.Ordinal); // 'weather' names many rows
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("The key column 'day' is not in the old version of 'weather/seattle.csv'", bad.Error, StringComparison.Ordinal);
    }
}
