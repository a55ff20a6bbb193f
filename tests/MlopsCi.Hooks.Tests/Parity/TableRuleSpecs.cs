using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks;
using static MlopsCi.Hooks.Tests.Checks;
using static MlopsCi.Hooks.Tests.Parity.RealTables;

namespace MlopsCi.Hooks.Tests.Parity;

/// <summary>
/// Rules over a table's files and between tables: duplicate rows and composite unique keys across the changed files of a
/// table (flights keyed by date, origin and destination), referential integrity and train/eval leakage — with the
/// expected counts computed here with plain LINQ.
/// </summary>
public sealed class TableRuleSpecs
{
    private const string FlightsHeader = "date,delay,distance,origin,destination";

    [Fact]
    public async Task Duplicate_rows_are_found_within_a_file_and_across_the_changed_files_of_a_table()
    {
        var weather = Weather();
        var y2013 = weather.Where(r => r[0].StartsWith("2013", StringComparison.Ordinal)).ToList();
        var y2014 = weather.Where(r => r[0].StartsWith("2014", StringComparison.Ordinal)).ToList();
        var clean = new[] { ("weather/2013.csv", Csv(WeatherHeader, y2013)), ("weather/2014.csv", Csv(WeatherHeader, y2014)) };
        var dirty = new[] { ("weather/2013.csv", Csv(WeatherHeader, y2013.Append(y2013[40]))), ("weather/2014.csv", Csv(WeatherHeader, y2014.Concat([y2013[3], y2013[9]]))) };
        var rules = Rules(Hook("dupes", "duplicate-rows", "{ files: \"weather/*.csv\" }"));

        var (passed, passedCommitted) = await ChangeAsync(rules, [], clean);
        var (failed, failedCommitted) = await ChangeAsync(rules, [], dirty);

        Assert.True(passedCommitted && Result(passed, "dupes").Passed, string.Join("; ", Result(passed, "dupes").Findings.Select(HookRunText.Describe)));
        Assert.False(failedCommitted);
        var findings = Result(failed, "dupes").Findings;
        Assert.Equal([("weather/2013.csv", 1L), ("weather/2014.csv", 2L)], findings.Select(f => (f.File, f.OffendingRows)));
        Assert.Equal((366L, "same record as row 41"), (findings[0].Samples[0].Row, findings[0].Samples[0].Value));
        Assert.Equal([(366L, "same record (first in weather/2013.csv row 4)"), (367L, "same record (first in weather/2013.csv row 10)")], findings[1].Samples.Select(s => (s.Row, s.Value)));
    }

    [Fact]
    public async Task A_composite_unique_key_spans_every_changed_file_of_the_table_with_scope_table()
    {
        var flights = Flights();
        // A re-delivered partition: the second file starts 25 flights before the first ends, and the first repeats 3 flights.
        var first = flights.Take(10_000).Concat([flights[17], flights[4000], flights[4001]]).ToList();
        var second = flights.Skip(10_000 - 25).ToList();
        static (string, string, string) Key(string[] f) => (f[0], f[3], f[4]);
        var withinFirst = first.Count - first.Select(Key).Distinct().Count();
        var withinSecond = second.Count - second.Select(Key).Distinct().Count();
        var across = second.Select(Key).Distinct().Intersect(first.Select(Key)).Count();
        var files = new[] { ("flights/a.csv", Csv(FlightsHeader, first)), ("flights/b.csv", Csv(FlightsHeader, second)) };

        var (perFile, _) = await ChangeAsync(Rules(Hook("key", "unique", "{ files: \"flights/*.csv\", columns: [date, origin, destination] }")), [], files);
        var (table, _) = await ChangeAsync(Rules(Hook("key", "unique", "{ files: \"flights/*.csv\", columns: [date, origin, destination], scope: table }")), [], files);
        var inFirst = first.Select(f => string.Join(',', f)).ToHashSet(StringComparer.Ordinal);
        var (unique, uniqueCommitted) = await ChangeAsync(
            Rules(Hook("key", "unique", "{ files: \"flights/*.csv\", columns: [date, origin, destination, delay, distance], scope: table }")), [],
            [("flights/a.csv", Csv(FlightsHeader, first.DistinctBy(f => string.Join(',', f)))), ("flights/b.csv", Csv(FlightsHeader, second.DistinctBy(f => string.Join(',', f)).Where(f => !inFirst.Contains(string.Join(',', f)))))]);

        Assert.True(across > 0 && withinFirst > 0, $"the flights split gives {across} keys in both files, {withinFirst} repeats within the first");
        Assert.Equal(withinFirst + withinSecond, Result(perFile, "key").Findings.Sum(f => f.OffendingRows));
        var findings = Result(table, "key").Findings;
        Assert.Equal(withinFirst + withinSecond + across, findings.Sum(f => f.OffendingRows));
        var crossFile = findings.Single(f => f.Message.Contains("another changed file", StringComparison.Ordinal));
        Assert.Equal(("flights/b.csv", "date, origin, destination", (long)across), (crossFile.File, crossFile.Column, crossFile.OffendingRows));
        Assert.Contains("(first in flights/a.csv row ", crossFile.Samples[0].Value, StringComparison.Ordinal);
        Assert.True(uniqueCommitted, string.Join("; ", Result(unique, "key").Findings.Select(f => f.Message)));
    }

    [Fact]
    public async Task Referential_checks_each_value_against_a_column_of_another_table()
    {
        var flights = Flights().Take(5000).ToList();
        var airports = flights.SelectMany(f => new[] { f[3], f[4] }).Distinct().Order(StringComparer.Ordinal).ToList();
        var dropped = flights.GroupBy(f => f[3]).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var rules = Rules(Hook("origin-known", "referential", "{ files: \"flights/*.csv\", column: origin, refs: \"dim/airports.csv:code\" }"));
        (string, string) Airports(IEnumerable<string> codes) => ("dim/airports.csv", "code,name\n" + string.Concat(codes.Select(c => $"{c},Airport {c}\n")));

        var (passed, passedCommitted) = await ChangeAsync(rules, [], [Airports(airports), ("flights/f.csv", Csv(FlightsHeader, flights))]);
        var (failed, failedCommitted) = await ChangeAsync(rules, [], [Airports(airports.Where(a => a != dropped)), ("flights/f.csv", Csv(FlightsHeader, flights))]);
        var missing = await Assert.ThrowsAsync<InvalidInputException>(() => ChangeAsync(rules, [], [("flights/f.csv", Csv(FlightsHeader, flights))]));

        Assert.True(passedCommitted && Result(passed, "origin-known").Passed);
        Assert.False(failedCommitted);
        var finding = Single(failed, "origin-known");
        Assert.Equal(("origin", (long)flights.Count(f => f[3] == dropped), dropped), (finding.Column, finding.OffendingRows, finding.Samples[0].Value));
        Assert.Equal(flights.FindIndex(f => f[3] == dropped) + 2, finding.Samples[0].Line);
        Assert.StartsWith("_mlops/hooks.yml line 4: hook 'origin-known' refers to 'dim/airports.csv', which is not in the data after this change", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leakage_finds_evaluation_rows_in_the_training_files_by_whole_record_or_by_key()
    {
        var weather = Weather();
        var train = weather.Where(r => string.CompareOrdinal(r[0], "2015") < 0).ToList();
        var eval = weather.Where(r => string.CompareOrdinal(r[0], "2015") >= 0).ToList();
        var copied = eval.Concat([train[100], train[200]]).ToList();
        var rekeyed = eval.Concat([[train[300][0], "0.0", "1.0", "0.0", "1.0", "sun"]]).ToList();
        (string, string)[] Files(List<string[]> evalRows) =>
            [("train/2012-2014.csv", Csv(WeatherHeader, train)), ("eval/2015.csv", Csv("weather,date,precipitation,temp_max,temp_min,wind", evalRows.Select(r => new[] { r[5], r[0], r[1], r[2], r[3], r[4] })))];
        var record = Rules(Hook("no-leak", "leakage", "{ train: \"train/*.csv\", eval: \"eval/*.csv\" }"));
        var keyed = Rules(Hook("no-leak", "leakage", "{ train: \"train/*.csv\", eval: \"eval/*.csv\", key: [date] }"));

        var (clean, cleanCommitted) = await ChangeAsync(record, [], Files(eval));
        var (leaked, leakedCommitted) = await ChangeAsync(record, [], Files(copied));
        var (byRecord, byRecordCommitted) = await ChangeAsync(record, [], Files(rekeyed));
        var (byKey, byKeyCommitted) = await ChangeAsync(keyed, [], Files(rekeyed));

        Assert.True(cleanCommitted && Result(clean, "no-leak").Passed);
        Assert.Equal((2L, (long)weather.Count), (Result(clean, "no-leak").FilesChecked, Result(clean, "no-leak").RowsChecked));
        Assert.False(leakedCommitted);
        var finding = Single(leaked, "no-leak");
        Assert.Equal(("eval/2015.csv", 2L), (finding.File, finding.OffendingRows));
        Assert.Equal([(eval.Count + 1L, "same record as train/2012-2014.csv row 101"), (eval.Count + 2L, "same record as train/2012-2014.csv row 201")], finding.Samples.Select(s => (s.Row, s.Value)));
        Assert.True(byRecordCommitted && Result(byRecord, "no-leak").Passed);
        Assert.False(byKeyCommitted);
        Assert.Equal(("date", 1L, "same key (date) as train/2012-2014.csv row 301"), (Single(byKey, "no-leak").Column, Single(byKey, "no-leak").OffendingRows, Single(byKey, "no-leak").Samples[0].Value));
    }
}
