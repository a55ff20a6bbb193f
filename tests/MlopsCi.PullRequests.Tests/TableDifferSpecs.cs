using System.Text;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.RowDiffs;

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
        Assert.Contains("compared by count only", diff.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_file_has_every_row_added_and_a_deleted_one_every_row_removed()
    {
        var added = await TableDiffer.CompareAsync(null, Open("a\n1\n2\n"), new RowDiffOptions(), CancellationToken.None);
        var deleted = await TableDiffer.CompareAsync(Open("a\n1\n2\n3\n"), null, new RowDiffOptions(), CancellationToken.None);

        Assert.Equal((0L, 2L, 2L, 0L), (added.RowsBefore, added.RowsAfter, added.RowsAdded, added.RowsRemoved));
        Assert.Equal((3L, 0L, 0L, 3L), (deleted.RowsBefore, deleted.RowsAfter, deleted.RowsAdded, deleted.RowsRemoved));
    }

    [Fact]
    public async Task With_a_key_a_changed_row_is_modified_with_its_cells_and_without_one_the_note_is_left_to_the_renderer()
    {
        const string Before = "id,city,price\n1,Oslo,10\n2,Rome,11\n3,Lima,12\n";
        const string After = "id,city,price\n1,Oslo,10\n2,Roma,13\n3,Lima,12\n4,Pisa,9\n";

        var keyed = await TableDiffer.CompareAsync(Open(Before), Open(After), new RowDiffOptions { Key = ["id"] }, CancellationToken.None);
        var whole = await CompareAsync(Before, After);

        Assert.Equal((1L, 0L, 1L), (keyed.RowsAdded, keyed.RowsRemoved, keyed.RowsModified));
        Assert.Equal(["id"], keyed.Key);
        Assert.Equal([new ColumnCellChanges("city", 1), new ColumnCellChanges("price", 1)], keyed.ChangedColumns);
        var row = Assert.Single(keyed.ModifiedSamples);
        Assert.Equal(["2"], row.Key);
        Assert.Contains(new CellChange("city", "Rome", "Roma"), row.Cells);
        Assert.Equal((2L, 1L, 0L, false), (whole.RowsAdded, whole.RowsRemoved, whole.RowsModified, whole.Keyed));
        Assert.Null(whole.Note);
    }

    [Fact]
    public async Task A_key_column_a_version_lacks_falls_back_to_whole_records_and_says_why()
    {
        var diff = await TableDiffer.CompareAsync(Open("id,v\n1,a\n"), Open("ident,v\n1,a\n"), new RowDiffOptions { Key = ["id"] }, CancellationToken.None);

        Assert.False(diff.Keyed);
        Assert.StartsWith("compared as whole records: The key column 'id' is not in", diff.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_and_tsv_files_with_or_without_gzip_and_formats_with_a_reader_are_tables() =>
        Assert.Equal([true, true, true, false], new[] { "a/b.csv", "x.TSV", "y.csv.gz", "m.parquet" }.Select(p => TableDiffer.IsTable(p, [])));

    private static Task<TableDiff> CompareAsync(string before, string after) =>
        TableDiffer.CompareAsync(Open(before), Open(after), new RowDiffOptions(), CancellationToken.None);

    private static RowDiffInput Open(string text) => new("data/t.csv", _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(text))));
}
