using static MlopsCi.Hooks.Tests.Checks;

namespace MlopsCi.Hooks.Tests;

/// <summary>Each table rule on real commits: what offends, the counts, and the first rows with their values.</summary>
public sealed class TableRuleSpecs
{
    private const string Trips = "id,fare,payment,email,note\n1,10.5,cash,a@b.io,ok\n2,-3,card,bad-mail,\"card 4111 1111 1111 1111\"\n3,,cash,c@d.io,\n4,2000,bitcoin,e@f.io,fine\n5,abc,CASH,,fine\n";

    [Fact]
    public async Task Not_null_counts_empty_cells_and_shows_their_rows()
    {
        var run = await RunAsync(Rules(Hook("present", "not-null", "{ columns: [fare, email] }")), ("trips.csv", Trips));

        var findings = run.Results[0].Findings;
        Assert.Equal([("email", 1L, 5L), ("fare", 1L, 3L)], findings.Select(f => (f.Column!, f.OffendingRows, f.Samples[0].Row)));
        Assert.Null(findings[0].Samples[0].Value);
    }

    [Fact]
    public async Task Range_flags_values_outside_the_bounds_and_values_that_are_not_numbers()
    {
        var run = await RunAsync(Rules(Hook("fare-range", "range", "{ column: fare, min: 0, max: 1000 }")), ("trips.csv", Trips));

        var finding = Single(run, "fare-range");
        Assert.Equal(("trips.csv", "fare", 3L), (finding.File, finding.Column, finding.OffendingRows));
        Assert.Equal([(2L, "-3"), (4L, "2000"), (5L, "abc")], finding.Samples.Select(s => (s.Row, s.Value)));
        Assert.Equal(3L, finding.Samples[0].Line);
        Assert.Equal("a number between 0 and 1000", finding.Rule);
    }

    [Fact]
    public async Task Allowed_values_compare_exactly_unless_told_to_ignore_case()
    {
        var exact = await RunAsync(Rules(Hook("pay", "allowed-values", "{ column: payment, values: [cash, card] }")), ("trips.csv", Trips));
        var relaxed = await RunAsync(Rules(Hook("pay", "allowed-values", "{ column: payment, values: [cash, card], ignore-case: true }")), ("trips.csv", Trips));

        Assert.Equal(["bitcoin", "CASH"], Single(exact, "pay").Samples.Select(s => s.Value));
        Assert.Equal(["bitcoin"], Single(relaxed, "pay").Samples.Select(s => s.Value));
    }

    [Fact]
    public async Task Unique_reports_each_repeat_with_the_row_that_had_the_key_first()
    {
        var csv = "a,b\n1,x\n2,x\n1,x\n1,y\n1,x\n,x\n,x\n";
        var single = await RunAsync(Rules(Hook("key", "unique", "{ column: a }")), ("k.csv", csv));
        var composite = await RunAsync(Rules(Hook("key", "unique", "{ columns: [a, b] }")), ("k.csv", csv));

        Assert.Equal(3, Single(single, "key").OffendingRows);
        var finding = Single(composite, "key");
        Assert.Equal(2, finding.OffendingRows);
        Assert.Equal([(3L, "1|x (first in row 1)"), (5L, "1|x (first in row 1)")], finding.Samples.Select(s => (s.Row, s.Value)));
    }

    [Fact]
    public async Task Row_count_bounds_each_changed_file()
    {
        var run = await RunAsync(Rules(Hook("rows", "row-count", "{ min: 2, max: 3 }")), ("small.csv", "a\n1\n"), ("ok.csv", "a\n1\n2\n"), ("big.csv", "a\n1\n2\n3\n4\n"));

        var findings = run.Results[0].Findings;
        Assert.Equal(["big.csv", "small.csv"], findings.Select(f => f.File));
        Assert.Equal("has 4 rows; expected between 2 and 3 rows", findings[0].Message);
    }

    [Fact]
    public async Task Null_fraction_fails_only_above_the_limit()
    {
        var run = await RunAsync(Rules(Hook("sparse", "null-fraction", "{ columns: [a, b], max: 25% }")), ("s.csv", "a,b\n1,\n2,\n,x\n4,y\n"));

        var finding = Single(run, "sparse");
        Assert.Equal(("b", 2L), (finding.Column, finding.OffendingRows));
        Assert.Equal([1L, 2L], finding.Samples.Select(s => s.Row));
        Assert.Equal("50% of rows are null (2 of 4); at most 25% is allowed", finding.Message);
    }

    [Fact]
    public async Task Regex_must_match_tests_whole_values_and_must_not_match_searches_inside_them()
    {
        var run = await RunAsync(
            Rules(
                Hook("mail", "regex", "{ column: email, must-match: '[^@\\s]+@[^@\\s]+\\.[a-z]+' }"),
                Hook("no-cards", "regex", "{ column: note, must-not-match: '\\b(?:\\d[ -]?){13,16}\\b' }")),
            ("trips.csv", Trips));

        Assert.Equal([(2L, "bad-mail")], Single(run, "mail").Samples.Select(s => (s.Row, s.Value)));
        Assert.Equal([2L], Single(run, "no-cards").Samples.Select(s => s.Row));
    }

    [Fact]
    public async Task A_rule_on_a_missing_column_says_which_columns_exist()
    {
        var run = await RunAsync(Rules(Hook("x", "not-null", "{ column: fare_amount }")), ("trips.csv", Trips));

        var finding = Single(run, "x");
        Assert.Equal("column exists", finding.Rule);
        Assert.Contains("there is no column 'fare_amount' (columns: id, fare, payment, email, note)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_rules_read_tab_separated_and_gzip_compressed_files()
    {
        using var gz = new MemoryStream();
        await using (var zip = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            await zip.WriteAsync("a,b\n1,\n"u8.ToArray());
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", Rules(Hook("b", "not-null", "{ column: b }")));
        await repository.CommitAsync();
        repository.Write("x.tsv", "a\tb\n1\t\n2\t3\n");
        await File.WriteAllBytesAsync(Path.Combine(repository.Folder("main"), "y.csv.gz"), gz.ToArray());

        await Assert.ThrowsAsync<MlopsCi.Core.Hooks.HookFailedException>(() => repository.CommitAsync());

        Assert.Equal(["x.tsv", "y.csv.gz"], repository.Runs[^1].Results[0].Findings.Select(f => f.File));
    }

    [Fact]
    public async Task A_file_that_is_not_valid_csv_fails_the_hooks_that_read_it()
    {
        var run = await RunAsync(Rules(Hook("x", "not-null", "{ column: a }")), ("bad.csv", "a,b\n1,\"never closed\n"));

        Assert.Equal("a readable table", Single(run, "x").Rule);
    }
}
