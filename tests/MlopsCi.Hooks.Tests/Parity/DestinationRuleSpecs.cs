using MlopsCi.Core.Hooks;
using MlopsCi.Core.Versioning;
using static MlopsCi.Hooks.Tests.Checks;
using static MlopsCi.Hooks.Tests.Parity.RealTables;

namespace MlopsCi.Hooks.Tests.Parity;

/// <summary>
/// The rules that compare a changed file with the destination's version of it (row-count change, mean and quantile,
/// new-categories, drift) on seattle-weather: the destination is committed first, the change on top.
/// </summary>
public sealed class DestinationRuleSpecs
{
    [Fact]
    public async Task Row_count_change_is_measured_against_the_destinations_version_of_the_file()
    {
        var weather = Weather();
        var rules = Rules(Hook("rows", "row-count", "{ change: ±20% }"));
        (string, string)[] destination = [("weather.csv", Csv(WeatherHeader, weather))];

        var (small, smallCommitted) = await ChangeAsync(rules, destination, [("weather.csv", Csv(WeatherHeader, weather.Take(weather.Count - 100)))]);
        var (large, largeCommitted) = await ChangeAsync(rules, destination, [("weather.csv", Csv(WeatherHeader, weather.Take(weather.Count - 400)))]);
        var (added, addedCommitted) = await ChangeAsync(rules, destination, [("other.csv", Csv(WeatherHeader, weather.Take(3)))]);

        Assert.True(smallCommitted);
        Assert.True(Result(small, "rows").Passed);
        Assert.False(largeCommitted);
        var finding = Single(large, "rows");
        var change = (weather.Count - 400 - weather.Count) * 100.0 / weather.Count;
        Assert.Equal($"has {weather.Count - 400:N0} rows, {change.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}% from the destination's {weather.Count:N0} rows; at most ±20% is allowed", finding.Message);
        Assert.True(addedCommitted && Result(added, "rows").Passed, "a file the destination does not have has nothing to compare with");
    }

    [Fact]
    public async Task Before_a_merge_the_destination_is_the_branch_merged_into()
    {
        var weather = Weather();
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", "on:\n  pre-merge: { branches: [main] }\nhooks:\n  - { id: rows, type: row-count, properties: { change: ±20% } }\n  - { id: labels, type: new-categories, properties: { column: weather } }\n");
        repository.Write("weather.csv", Csv(WeatherHeader, weather));
        await repository.CommitAsync();
        await repository.BranchAsync("pr-1");
        repository.Write("weather.csv", Csv(WeatherHeader, weather.Take(1000).Append(["2016-01-01", "0.0", "5.0", "1.0", "2.0", "hail"])), "pr-1");
        await repository.CommitAsync("pr-1");

        var error = await Assert.ThrowsAsync<HookFailedException>(() =>
            repository.Repository.MergeAsync("pr-1", "main", MergeStrategy.Fail, null, new Dictionary<string, string>(), default));

        Assert.Equal(["rows"], error.Run.FailedHooks);
        Assert.Equal(["labels"], error.Run.WarnedHooks);
        Assert.Contains("has 1,001 rows, -31.49% from the destination's 1,461 rows", Single(error.Run, "rows").Message, StringComparison.Ordinal);
        Assert.Equal((1L, 1001L), (Single(error.Run, "labels").OffendingRows, Single(error.Run, "labels").Samples[0].Row));
    }

    [Fact]
    public async Task Mean_and_quantile_take_absolute_bounds_and_changes_relative_to_the_destination()
    {
        var weather = Weather();
        var warmer = weather.Select(r => new[] { r[0], r[1], Text(Number(r[2]) + 5), r[3], r[4], r[5] }).ToList();
        var mean = weather.Average(r => Number(r[2]));
        var sortedWind = weather.Select(r => Number(r[4])).Order().ToList();
        var position = 0.9 * (sortedWind.Count - 1);
        var windQ90 = sortedWind[(int)position] + ((position - Math.Floor(position)) * (sortedWind[(int)position + 1] - sortedWind[(int)position]));
        var rules = Rules(
            Hook("mean-abs", "mean", $"{{ column: temp_max, min: {Text(Math.Floor(mean))}, max: {Text(Math.Ceiling(mean))} }}"),
            Hook("mean-rel", "mean", "{ column: temp_max, change: ±10% }"),
            Hook("wind-q90", "quantile", $"{{ column: wind, quantile: 0.9, max: {Text(Math.Round(windQ90, 4) - 0.01)} }}"),
            Hook("wind-q90-ok", "quantile", $"{{ column: wind, quantile: 0.9, min: {Text(Math.Round(windQ90, 4) - 0.01)}, max: {Text(Math.Round(windQ90, 4) + 0.01)} }}"));
        (string, string)[] destination = [("weather.csv", Csv(WeatherHeader, weather.Take(10)))];

        var (same, _) = await ChangeAsync(rules, destination, [("weather.csv", Csv(WeatherHeader, weather))]);
        var (hot, _) = await ChangeAsync(rules, [("weather.csv", Csv(WeatherHeader, weather))], [("weather.csv", Csv(WeatherHeader, warmer))]);

        Assert.True(Result(same, "mean-abs").Passed);
        Assert.True(Result(same, "wind-q90-ok").Passed);
        Assert.Contains($"the quantile 0.9 is {Text(Math.Round(windQ90, 4))} (of {weather.Count:N0} numbers)", Single(same, "wind-q90").Message, StringComparison.Ordinal);
        Assert.False(Result(hot, "mean-abs").Passed);
        var moved = Single(hot, "mean-rel");
        var change = 5 / mean * 100;
        Assert.Equal($"the mean moved from {Text(Math.Round(mean, 4))} in the destination to {Text(Math.Round(mean + 5, 4))} (+{change.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%); at most ±10% is allowed", moved.Message);
        Assert.True(Result(hot, "wind-q90-ok").Passed);
    }

    [Fact]
    public async Task New_categories_warn_by_default_and_name_the_values_the_destination_never_had()
    {
        var weather = Weather();
        var changed = weather.Select((r, i) => i % 300 == 7 ? [r[0], r[1], r[2], r[3], r[4], "hail"] : r).ToList();
        var hail = changed.Count(r => r[5] == "hail");
        (string, string)[] destination = [("weather.csv", Csv(WeatherHeader, weather))];
        (string, string)[] change = [("weather.csv", Csv(WeatherHeader, changed))];

        var (warned, warnedCommitted) = await ChangeAsync(Rules(Hook("cats", "new-categories", "{ column: weather }")), destination, change);
        var (blocked, blockedCommitted) = await ChangeAsync(
            "on:\n  pre-commit: { branches: [\"*\"] }\nhooks:\n  - { id: cats, type: new-categories, severity: fail, properties: { column: weather } }\n", destination, change);
        var (same, _) = await ChangeAsync(Rules(Hook("cats", "new-categories", "{ column: weather }")), destination, [("weather.csv", Csv(WeatherHeader, weather.Skip(5)))]);

        Assert.True(warnedCommitted);
        Assert.True(Result(warned, "cats").Warns);
        var finding = Single(warned, "cats");
        Assert.Equal((hail, "hail"), ((int)finding.OffendingRows, finding.Samples[0].Value));
        Assert.Contains("a value the destination never had ('hail')", finding.Message, StringComparison.Ordinal);
        Assert.False(blockedCommitted);
        Assert.True(Result(same, "cats").Passed);
    }

    [Fact]
    public async Task Drift_reuses_the_drift_comparison_and_fails_above_the_threshold()
    {
        var weather = Weather();
        var early = weather.Where(r => string.CompareOrdinal(r[0], "2014") < 0).ToList();
        var later = weather.Where(r => string.CompareOrdinal(r[0], "2015") < 0).ToList();
        var shifted = later.Select((r, i) => i < early.Count ? r : [r[0], r[1], Text(Number(r[2]) + 12), r[3], r[4], r[5]]).ToList();
        var rules = Rules(Hook("stable", "drift", "{ column: temp_max, psi: 0.2, p-value: 0.001 }"));
        (string, string)[] destination = [("weather.csv", Csv(WeatherHeader, early))];

        var (stable, stableCommitted) = await ChangeAsync(rules, destination, [("weather.csv", Csv(WeatherHeader, later))]);
        var (drifted, driftedCommitted) = await ChangeAsync(rules, destination, [("weather.csv", Csv(WeatherHeader, shifted))]);

        Assert.True(stableCommitted, string.Join("; ", Result(stable, "stable").Findings.Select(f => f.Message)));
        Assert.False(driftedCommitted);
        var finding = Single(drifted, "stable");
        Assert.Equal("temp_max", finding.Column);
        Assert.StartsWith("drifted: PSI ", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"({early.Count:N0} values in the destination, {later.Count:N0} here)", finding.Message, StringComparison.Ordinal);
    }
}
