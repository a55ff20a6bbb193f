using System.Text;
using static MlopsCi.Hooks.Tests.Checks;

namespace MlopsCi.Hooks.Tests;

/// <summary>Files of many batches: checking overlaps parsing on another thread, and results stay exact and ordered.</summary>
public sealed class LargeFileSpecs
{
    private static string Csv(int rows, Func<int, string> fare)
    {
        var text = new StringBuilder("id,fare\n");
        for (var i = 1; i <= rows; i++)
            text.Append(i % 1000).Append(',').Append(fare(i)).Append('\n');
        return text.ToString();
    }

    [Fact]
    public async Task Counts_and_the_first_offending_rows_are_exact_across_batches()
    {
        var csv = Csv(10_000, i => i % 997 == 0 ? "-1" : "5");

        var run = await RunAsync(Rules(Hook("fare", "range", "{ column: fare, min: 0 }"), Hook("key", "unique", "{ column: id }"), Hook("rows", "row-count", "{ max: 10000 }")), ("big.csv", csv));

        var range = Single(run, "fare");
        Assert.Equal(10, range.OffendingRows);
        Assert.Equal([997L, 1994L, 2991L, 3988L, 4985L], range.Samples.Select(s => s.Row));
        Assert.Equal(9_000, Single(run, "key").OffendingRows);
        Assert.True(run.Results[2].Passed);
        Assert.All(run.Results, r => Assert.Equal(10_000, r.RowsChecked));
    }

    [Fact]
    public async Task A_file_that_breaks_after_many_rows_fails_its_hooks_without_hanging()
    {
        var csv = Csv(3_000, _ => "5") + "1,\"never closed\n";

        var run = await RunAsync(Rules(Hook("fare", "not-null", "{ column: fare }")), ("broken.csv", csv));

        var finding = Single(run, "fare");
        Assert.Equal("a readable table", finding.Rule);
        Assert.Contains("line 3002", finding.Message, StringComparison.Ordinal);
    }
}
