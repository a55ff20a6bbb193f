using MlopsCi.Core.Hooks;
using static MlopsCi.Hooks.Tests.Checks;
using static MlopsCi.Hooks.Tests.Parity.RealTables;

namespace MlopsCi.Hooks.Tests.Parity;

/// <summary>compare, mostly, severity warn and freshness on seattle-weather: each failing and passing on purpose.</summary>
public sealed class RowRuleSpecs
{
    [Fact]
    public async Task Compare_passes_on_real_weather_and_counts_the_rows_where_min_exceeds_max()
    {
        var weather = Weather();
        var swapped = weather.Select((r, i) => i % 200 == 13 ? [r[0], r[1], r[3], r[2], r[4], r[5]] : r).ToList();
        var expected = swapped.Where(r => Number(r[3]) > Number(r[2])).ToList();
        var rules = Rules(Hook("order", "compare", "{ expression: \"temp_min <= temp_max\" }"));

        var (clean, cleanCommitted) = await ChangeAsync(rules, [], [("weather.csv", Csv(WeatherHeader, weather))]);
        var (bad, badCommitted) = await ChangeAsync(rules, [], [("weather.csv", Csv(WeatherHeader, swapped))]);

        Assert.True(cleanCommitted);
        Assert.True(Result(clean, "order").Passed);
        Assert.False(badCommitted);
        var finding = Single(bad, "order");
        Assert.True(expected.Count > 3, $"only {expected.Count} swapped rows differ");
        Assert.Equal(("weather.csv", "temp_min, temp_max", "temp_min <= temp_max", (long)expected.Count), (finding.File, finding.Column, finding.Rule, finding.OffendingRows));
        var first = expected[0];
        Assert.Equal($"temp_min = {first[3]}, temp_max = {first[2]}", finding.Samples[0].Value);
        Assert.Equal(weather.IndexOf(weather.First(r => r[0] == first[0])) + 2, finding.Samples[0].Line);
    }

    [Fact]
    public async Task Mostly_passes_when_enough_rows_pass_and_the_finding_says_the_share()
    {
        var weather = Weather();
        var offending = weather.Count(r => Number(r[1]) > 30);
        var share = (double)(weather.Count - offending) / weather.Count;
        var loose = Math.Floor(share * 1000) / 1000;
        var strict = loose + 0.001;
        string Range(double mostly) => Rules(Hook("rain", "range", $"{{ column: precipitation, max: 30, mostly: {Text(mostly)} }}"));

        var (passed, passedCommitted) = await ChangeAsync(Range(loose), [], [("weather.csv", Csv(WeatherHeader, weather))]);
        var (failed, _) = await ChangeAsync(Range(strict), [], [("weather.csv", Csv(WeatherHeader, weather))]);

        Assert.InRange(offending, 5, 40);
        Assert.True(passedCommitted);
        Assert.True(Result(passed, "rain").Passed);
        var finding = Single(failed, "rain");
        Assert.Equal(offending, finding.OffendingRows);
        Assert.Contains($"{Percent(share)} of {weather.Count:N0} checked rows pass, mostly requires {Percent(strict)}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mostly_on_unique_and_duplicate_rows_counts_the_repeats_of_one_file_against_its_rows()
    {
        var weather = Weather();
        var repeated = weather.Concat([weather[10], weather[20], weather[30]]).ToList();
        var share = (double)(repeated.Count - 3) / repeated.Count;
        var loose = Math.Floor(share * 1000) / 1000;
        var strict = loose + 0.001;
        string Rules2(double mostly) => Rules(
            Hook("days", "unique", $"{{ column: date, scope: file, mostly: {Text(mostly)} }}"),
            Hook("dupes", "duplicate-rows", $"{{ scope: file, mostly: {Text(mostly)} }}"));

        var (passed, passedCommitted) = await ChangeAsync(Rules2(loose), [], [("weather.csv", Csv(WeatherHeader, repeated))]);
        var (failed, failedCommitted) = await ChangeAsync(Rules2(strict), [], [("weather.csv", Csv(WeatherHeader, repeated))]);

        Assert.True(passedCommitted);
        Assert.True(Result(passed, "days").Passed && Result(passed, "dupes").Passed);
        Assert.False(failedCommitted);
        foreach (var id in new[] { "days", "dupes" })
        {
            var finding = Single(failed, id);
            Assert.Equal(3, finding.OffendingRows);
            Assert.Contains($"{Percent(share)} of {repeated.Count:N0} checked rows pass, mostly requires {Percent(strict)}", finding.Message, StringComparison.Ordinal);
        }
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    [Fact]
    public async Task A_hook_with_severity_warn_reports_its_findings_but_lets_the_commit_through()
    {
        var weather = Weather();
        var rules = "on:\n  pre-commit: { branches: [\"*\"] }\nhooks:\n"
            + "  - { id: windy, type: range, severity: warn, properties: { column: wind, max: 8 } }\n"
            + "  - { id: known, type: allowed-values, properties: { column: weather, values: [drizzle, rain, sun, snow, fog] } }\n";

        var (run, committed) = await ChangeAsync(rules, [], [("weather.csv", Csv(WeatherHeader, weather))]);

        Assert.True(committed);
        Assert.True(run.Passed);
        var windy = Result(run, "windy");
        Assert.True(windy.Warns);
        Assert.False(windy.Blocks);
        Assert.Equal(weather.Count(r => Number(r[4]) > 8), windy.Findings.Single().OffendingRows);
        Assert.Equal(["windy"], run.WarnedHooks);
        Assert.Empty(run.FailedHooks);
        Assert.Contains("1 passed, 0 failed, 1 warned", HookRunText.Report(run), StringComparison.Ordinal);
        Assert.Contains("WARN  windy (range, _mlops/hooks.yml line 4)", HookRunText.Report(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Freshness_measures_the_newest_date_from_the_commit_time()
    {
        var weather = Weather();
        var newest = weather.Max(r => r[0])!;
        var clock = new FixedTime(new DateTimeOffset(2016, 1, 10, 12, 0, 0, TimeSpan.Zero));
        var data = new[] { ("weather.csv", Csv(WeatherHeader, weather)) };

        var (fresh, freshCommitted) = await ChangeAsync(Rules(Hook("recent", "freshness", "{ column: date, max-age: 2w }")), [], data, clock);
        var (stale, staleCommitted) = await ChangeAsync(Rules(Hook("recent", "freshness", "{ column: date, max-age: 5d }")), [], data, clock);

        Assert.Equal("2015-12-31", newest);
        Assert.True(freshCommitted);
        Assert.True(Result(fresh, "recent").Passed);
        Assert.False(staleCommitted);
        var finding = Single(stale, "recent");
        Assert.Equal(("date", "2015-12-31", (long?)weather.Count + 1), (finding.Column, finding.Samples[0].Value, finding.Samples[0].Line));
        Assert.Contains("the newest value is 10.5d older than the commit time (2016-01-10 12:00Z); at most 5d is allowed", finding.Message, StringComparison.Ordinal);
    }
}
