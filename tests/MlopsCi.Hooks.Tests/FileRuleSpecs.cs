using MlopsCi.Core.Hooks;
using Parquet.Serialization;
using static MlopsCi.Hooks.Tests.Checks;

namespace MlopsCi.Hooks.Tests;

/// <summary>Schema, file format and size, and Parquet files.</summary>
public sealed class FileRuleSpecs
{
    [Fact]
    public async Task Schema_reports_missing_unexpected_and_duplicate_columns_wrong_types_and_ragged_rows()
    {
        var csv = "id,fare,paid,day,extra,extra\n1,2.5,true,2024-01-31,x,y\nx,3,maybe,2024-13-01,x,y\n3,4\n";
        var run = await RunAsync(Rules(Hook("shape", "schema", "{ columns: { id: integer, fare: number, paid: boolean, day: date, vendor: string } }")), ("t.csv", csv));

        var findings = run.Results[0].Findings.ToDictionary(f => (f.Column ?? "(row)") + " / " + f.Rule, f => f);
        Assert.Equal(
            ["(row) / 6 fields per row, like the header", "day / type date", "extra / no unexpected columns", "extra / unique column names", "id / type integer", "paid / type boolean", "vendor / required column (string)"],
            findings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2L, "x"), (findings["id / type integer"].Samples[0].Row, findings["id / type integer"].Samples[0].Value));
        Assert.Equal([3L], findings["(row) / 6 fields per row, like the header"].Samples.Select(s => s.Row));
    }

    [Fact]
    public async Task Schema_allows_other_columns_when_told_to()
    {
        var run = await RunAsync(Rules(Hook("shape", "schema", "{ columns: { id: integer }, allow-extra-columns: true }")), ("t.csv", "id,other\n1,x\n"));

        Assert.True(run.Passed);
    }

    [Fact]
    public async Task File_format_and_size_are_judged_from_the_changed_entries()
    {
        var run = await RunAsync(
            Rules(Hook("formats", "file-format", "{ formats: [csv, parquet] }"), Hook("size", "file-size", "{ files: '*.csv', max: 10 }")),
            ("ok.csv", "a\n1\n"), ("big.csv", "a\n123456789\n"), ("notes.txt", "hi"), ("README", "x"));

        Assert.Equal(["README", "notes.txt"], run.Results[0].Findings.Select(f => f.File));
        Assert.Equal("has format 'txt', which is not allowed", run.Results[0].Findings[1].Message);
        Assert.Equal("big.csv", Single(run, "size").File);
        Assert.Equal("is 12 bytes, more than 10 bytes", Single(run, "size").Message);
    }

    [Fact]
    public async Task Parquet_files_are_read_through_the_adapter()
    {
        await using var repository = await HookRepository.CreateAsync();
        repository.Write("_mlops/hooks.yml", Rules(
            Hook("shape", "schema", "{ columns: { Id: integer, Fare: number, Payment: string } }"),
            Hook("fare", "range", "{ column: Fare, min: 0 }"),
            Hook("pay", "not-null", "{ column: Payment }")));
        await repository.CommitAsync();
        var rows = new[] { new Trip { Id = 1, Fare = 3.5, Payment = "cash" }, new Trip { Id = 2, Fare = -1, Payment = null }, new Trip { Id = 3, Fare = null, Payment = "card" } };
        await using (var file = File.Create(Path.Combine(repository.Folder("main"), "trips.parquet")))
            await ParquetSerializer.SerializeAsync(rows, file);

        await Assert.ThrowsAsync<HookFailedException>(() => repository.CommitAsync());

        var run = repository.Runs[^1];
        Assert.True(run.Results[0].Passed);
        Assert.Equal([(2L, "-1")], Single(run, "fare").Samples.Select(s => (s.Row, s.Value)));
        Assert.Equal([(2L, (long?)null)], Single(run, "pay").Samples.Select(s => (s.Row, s.Line)));
        Assert.Equal(3, run.Results[0].RowsChecked);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_reported_not_crashed_on()
    {
        var run = await RunAsync(Rules(Hook("x", "not-null", "{ column: a }")), ("fake.parquet", "not parquet at all"));

        Assert.Contains("could not be read as Parquet", Single(run, "x").Message, StringComparison.Ordinal);
    }

    public sealed class Trip
    {
        public int Id { get; set; }

        public double? Fare { get; set; }

        public string? Payment { get; set; }
    }
}
