using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;

namespace MlopsCi.Hooks.Tests;

/// <summary>The streaming CSV/TSV parser: RFC 4180 quoting, line endings, row and line numbers, long fields.</summary>
public sealed class CsvReaderSpecs
{
    private static async Task<RecordingVisitor> ReadAsync(string text, bool tsv = false)
    {
        var visitor = new RecordingVisitor();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await (tsv ? CsvTableReader.Tsv : CsvTableReader.Csv).ReadAsync(stream, "t.csv", visitor, default);
        return visitor;
    }

    [Fact]
    public async Task Quoted_fields_keep_delimiters_line_breaks_and_doubled_quotes()
    {
        var table = await ReadAsync("id,text,n\n1,\"a, b\",2\n2,\"line1\nline2\",3\n3,\"say \"\"hi\"\"\",4\n");

        Assert.Equal(["id", "text", "n"], table.Columns);
        Assert.Equal(["1", "a, b", "2"], table.Rows[0].Cells);
        Assert.Equal(["2", "line1\nline2", "3"], table.Rows[1].Cells);
        Assert.Equal(["3", "say \"hi\"", "4"], table.Rows[2].Cells);
    }

    [Fact]
    public async Task Rows_are_numbered_from_one_and_lines_count_breaks_inside_quotes()
    {
        var table = await ReadAsync("a,b\r\n1,\"x\r\ny\"\r\n\r\n2,z");

        Assert.Equal([(1L, 2L), (2L, 5L)], table.Rows.Select(r => (r.Number, r.Line)));
        Assert.Equal(["2", "z"], table.Rows[1].Cells);
    }

    [Fact]
    public async Task Empty_fields_short_rows_and_a_trailing_delimiter_are_kept_as_read()
    {
        var table = await ReadAsync("a,b,c\n,,\n1\n1,2,\n");

        Assert.Equal(["", "", ""], table.Rows[0].Cells);
        Assert.Equal(["1"], table.Rows[1].Cells);
        Assert.Equal(["1", "2", ""], table.Rows[2].Cells);
    }

    [Fact]
    public async Task Tab_separated_files_split_on_tabs_only()
    {
        var table = await ReadAsync("a\tb\n1,5\t\"q\"\n", tsv: true);

        Assert.Equal(["1,5", "q"], table.Rows[0].Cells);
    }

    [Fact]
    public async Task Fields_longer_than_the_read_window_are_read_whole()
    {
        var big = new string('x', 200_000);
        var table = await ReadAsync($"a,b\n\"{big}\",1\n{big},2\n");

        Assert.Equal(big, table.Rows[0].Cells[0]);
        Assert.Equal(big, table.Rows[1].Cells[0]);
        Assert.Equal("2", table.Rows[1].Cells[1]);
    }

    [Fact]
    public async Task Records_split_across_reads_at_every_position_parse_the_same()
    {
        var row = "1,\"a,\"\"b\"\"\r\nc\",3\r\n";
        var text = "x,y,z\r\n" + string.Concat(Enumerable.Repeat(row, 5000));

        var table = await ReadAsync(text);

        Assert.Equal(5000, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal(["1", "a,\"b\"\r\nc", "3"], r.Cells));
        Assert.Equal(2 + (4999 * 2), table.Rows[^1].Line);
    }

    [Fact]
    public async Task An_unclosed_quote_is_invalid_input_naming_the_line()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync("a,b\n1,2\n3,\"open\n"));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_has_no_columns_and_no_rows()
    {
        var table = await ReadAsync("");

        Assert.Empty(table.Columns);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var table = await ReadAsync("\uFEFFid,x\n1,2\n");

        Assert.Equal("id", table.Columns[0]);
    }

    [Fact]
    public async Task A_file_without_a_header_numbers_its_first_row_line_one()
    {
        var visitor = new RecordingVisitor();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("\"x\ny\";1\nz;2\n"));

        await new CsvTableReader("csv", new CsvDialect(';', false, ["a", "b"])).ReadAsync(stream, "t.csv", visitor, default);

        Assert.Equal(["a", "b"], visitor.Columns);
        Assert.Equal([(1L, 1L), (2L, 3L)], visitor.Rows.Select(r => (r.Number, r.Line)));
        Assert.Equal(["x\ny", "1"], visitor.Rows[0].Cells);
    }

    [Theory]
    [InlineData("a;b;c\n1;2;3\n2;3;4\n", new[] { "a", "b", "c" })]
    [InlineData("a|b\n1|\"x|y\"\n", new[] { "a", "b" })]
    [InlineData("a\tb\n1\t2\n", new[] { "a", "b" })]
    [InlineData("a,b;c\n1,2;3\n", new[] { "a", "b;c" })]
    [InlineData("name;note\nx;\"a, b, c\"\ny;\"d, e, f\"\n", new[] { "name", "note" })]
    public async Task Without_a_dialect_the_separator_is_sniffed_and_a_fitting_comma_wins(string text, string[] columns)
    {
        var table = await ReadAsync(text);

        Assert.Equal(columns, table.Columns);
        Assert.All(table.Rows, r => Assert.Equal(columns.Length, r.Cells.Length));
    }

    [Fact]
    public async Task A_given_separator_is_used_as_is()
    {
        var visitor = new RecordingVisitor();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n"));

        await new CsvTableReader("csv", new CsvDialect(';', true, [])).ReadAsync(stream, "t.csv", visitor, default);

        Assert.Equal(["a,b"], visitor.Columns);
        Assert.Equal(["1,2"], visitor.Rows[0].Cells);
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_value_is_invalid_input_naming_the_line_and_the_fix()
    {
        // A value like 5'10" would otherwise open a quoted field and swallow the lines up to the next quote.
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync("name,height\nann,5'6\nbob,5'10\"\ncid,6'1\"\n"));

        Assert.Equal("'t.csv' is not valid CSV: line 3 has a '\"' inside a value that does not start with one (5'10\"). Quote the whole value and double each quote inside it, e.g. \"5'10\"\"\".", error.Message);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_is_kept_unless_it_opens_another_quote()
    {
        var table = await ReadAsync("a,b\n\"x\"y,1\n");
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync("a,b\n\"x\"y\"z\",1\n"));

        Assert.Equal(["xy", "1"], table.Rows[0].Cells);
        Assert.Contains("line 2 has text with a '\"' after the closing quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_a_header_whose_first_row_has_another_width_than_the_named_columns_is_invalid_input()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("1;2;3\n"));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new CsvTableReader("csv", new CsvDialect(null, false, ["a", "b"])).ReadAsync(stream, "t.csv", new RecordingVisitor(), default));

        Assert.Equal("'t.csv' line 1: 3 values, but model.data.csv.columns in the spec names 2 columns. List one name per column, in file order (separator ';').", error.Message);
    }

    [Fact]
    public async Task The_synchronous_read_gives_what_the_asynchronous_one_gives()
    {
        const string Text = "a;b\r\n1;\"x\r\ny\"\r\n\r\n2;z";
        var visitor = new RecordingVisitor();

        using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(Text)))
            CsvTableReader.Csv.Read(stream, "t.csv", visitor);

        var expected = await ReadAsync(Text);
        Assert.Equal(expected.Columns, visitor.Columns);
        Assert.Equal(expected.Rows.Select(r => (r.Number, r.Line, string.Join('|', r.Cells))), visitor.Rows.Select(r => (r.Number, r.Line, string.Join('|', r.Cells))));
    }
}
