using System.Globalization;
using System.Text.Json;
using MlopsCi.Core.Hooks;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.Hooks.Tests.Parity;

/// <summary>
/// The real tables the parity rules are tried on: vega-datasets' seattle-weather (key date) and flights (composite key
/// date, origin, destination), as rows of strings the specs edit, and a repository that commits a destination version
/// first and a changed version on top, returning the run of the change.
/// </summary>
internal static class RealTables
{
    public const string WeatherHeader = "date,precipitation,temp_max,temp_min,wind,weather";

    public static List<string[]> Weather() =>
        [.. File.ReadAllLines(TestData.PackageFile("seattle-weather.csv")).Skip(1).Select(l => l.Split(','))];

    public static List<string[]> Flights()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(TestData.PackageFile("flights-20k.json")));
        return [.. json.RootElement.EnumerateArray().Select(f => new[]
        {
            f.GetProperty("date").GetString()!, f.GetProperty("delay").GetInt32().ToString(CultureInfo.InvariantCulture),
            f.GetProperty("distance").GetInt32().ToString(CultureInfo.InvariantCulture), f.GetProperty("origin").GetString()!, f.GetProperty("destination").GetString()!,
        })];
    }

    public static string Csv(string header, IEnumerable<string[]> rows) => header + "\n" + string.Concat(rows.Select(r => string.Join(',', r) + "\n"));

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    public static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Commits the rules and <paramref name="destination"/> unchecked, then <paramref name="change"/> with the hooks; the change's run.</summary>
    public static async Task<(HookRun Run, bool Committed)> ChangeAsync(
        string rules, (string Path, string Content)[] destination, (string Path, string Content)[] change, TimeProvider? time = null)
    {
        await using var repository = await HookRepository.CreateAsync(time);
        repository.Write("_mlops/hooks.yml", rules);
        foreach (var (path, content) in destination)
            repository.Write(path, content);
        await repository.CommitAsync(check: false);
        foreach (var (path, content) in change)
            repository.Write(path, content);
        try
        {
            await repository.CommitAsync();
            return (repository.Runs[^1], true);
        }
        catch (HookFailedException e)
        {
            Assert.Same(repository.Runs[^1], e.Run);
            return (e.Run, false);
        }
    }

    public static HookResult Result(HookRun run, string id) => run.Results.Single(r => r.HookId == id);
}
