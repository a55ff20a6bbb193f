using System.Text;
using MlopsCi.Core.Reporting;

namespace MlopsCi.PullRequests.Tests;

public sealed class TableDifferSpecs
{
    [Fact]
    public async Task Appended_rows_count_as_added_and_none_as_removed()
    {
        var diff = await CompareAsync("a,b\n1,x\n2,y\n", "a,b\n1,x\n2,y\n3,z\n4,w\n");

        Assert.Equal((2L, 4L, 2L, 0L), (diff.RowsBefore, diff.RowsAfter, diff.RowsAdded, diff.RowsRemoved));
        Assert.False(diff.SchemaChanged);
    }

    [Fact]
    public async Task A_changed_row_counts_as_one_removed_and_one_added_and_duplicates_are_counted()
    {
        var diff = await CompareAsync("a,b\n1,x\n1,x\n2,y\n", "a,b\n1,x\n2,\"y, changed\"\n");

        Assert.Equal((1L, 2L), (diff.RowsAdded, diff.RowsRemoved));
    }

    [Fact]
    public async Task Added_and_removed_columns_and_type_changes_are_schema_changes()
    {
        var before = "id,price,city\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"{i},{i * 1.5},c{i % 3}\n"));
        var after = "id,price,region\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"{i},p{i % 4},r{i % 2}\n"));

        var diff = await CompareAsync(before, after);

        Assert.Equal(["region"], diff.ColumnsAdded);
        Assert.Equal(["city"], diff.ColumnsRemoved);
        var change = Assert.Single(diff.TypeChanges);
        Assert.Equal(("price", "numeric", "text"), (change.Column, change.Before, change.After));
        Assert.Contains("header changed", diff.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_file_has_every_row_added_and_a_deleted_one_every_row_removed()
    {
        var added = await TableDiffer.CompareAsync(null, Open("a\n1\n2\n"), "t.csv", CancellationToken.None);
        var deleted = await TableDiffer.CompareAsync(Open("a\n1\n2\n3\n"), null, "t.csv", CancellationToken.None);

        Assert.Equal((0L, 2L, 2L, 0L), (added.RowsBefore, added.RowsAfter, added.RowsAdded, added.RowsRemoved));
        Assert.Equal((3L, 0L, 0L, 3L), (deleted.RowsBefore, deleted.RowsAfter, deleted.RowsAdded, deleted.RowsRemoved));
    }

    [Fact]
    public void Only_csv_and_tsv_files_are_tables() =>
        Assert.Equal([true, true, false], new[] { "a/b.csv", "x.TSV", "m.parquet" }.Select(TableDiffer.IsTable));

    private static Task<TableDiff> CompareAsync(string before, string after) =>
        TableDiffer.CompareAsync(Open(before), Open(after), "data/t.csv", CancellationToken.None);

    private static Func<Task<Stream>> Open(string text) => () => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
