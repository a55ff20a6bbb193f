using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;

namespace MlopsCi.Hooks.Tests;

/// <summary>
/// The CSV reader in a declared encoding and with a decimal comma (issue 17: <c>model.data.csv: { encoding, decimal }</c>):
/// text decoded strictly, numbers handed on with a decimal point so every number parser reads them alike.
/// </summary>
public sealed class CsvEncodingSpecs
{
    private static async Task<RecordingVisitor> ReadAsync(byte[] bytes, CsvDialect dialect, string path = "t.csv")
    {
        var visitor = new RecordingVisitor();
        using var stream = new MemoryStream(bytes);
        await new CsvTableReader(TableFormats.Of(path), dialect).ReadAsync(stream, path, visitor, default);
        return visitor;
    }

    private static CsvDialect In(string encoding, char? separator = null, char decimalMark = '.') =>
        new(separator, true, [], encoding, decimalMark);

    [Theory]
    [InlineData("latin1", "name,city\nJosé,Zürich\nÅsa,Malmö\n")]
    [InlineData("iso-8859-15", "name,price\nJosé,5€\n")]
    [InlineData("windows-1252", "name,price\n“Zoë”,5€\n")]
    [InlineData("utf-16", "name,city\nJosé,Zürich\n")]
    public async Task A_file_in_a_declared_encoding_reads_its_own_characters(string encoding, string text)
    {
        var bytes = TextEncodings.Find(encoding)!.GetBytes(text);

        var table = await ReadAsync(bytes, In(encoding));

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(lines[0].Split(','), table.Columns);
        Assert.Equal(lines[1..].Select(l => l.Split(',')), table.Rows.Select(r => r.Cells));
    }

    [Fact]
    public async Task Bytes_that_are_not_valid_in_the_declared_encoding_are_an_error_saying_what_to_declare()
    {
        var bytes = Encoding.Latin1.GetBytes("name,city\nJosé,Zürich\n");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAsync(bytes, In("utf-8")));

        Assert.Equal("'t.csv' is not valid utf-8 text (byte 0xE9 on line 2). Set model.data.csv.encoding in mlops.yml to the file's encoding, e.g. latin1 or windows-1252.", error.Message);
    }

    [Fact]
    public void An_unknown_encoding_name_is_not_found()
    {
        Assert.Null(TextEncodings.Find("latin-9000"));
        Assert.Equal(1252, TextEncodings.Find("windows-1252")!.CodePage);
    }

    [Fact]
    public async Task Decimal_commas_become_points_and_other_text_with_commas_is_kept()
    {
        var bytes = Encoding.UTF8.GetBytes("a;b;c;d\n3,14;Smith, John;-1,5e3;12\n1;x,y;2,;,5\n\"7,25\";1,2,3;+0,5;1.5\n");

        var table = await ReadAsync(bytes, In("utf-8", ';', ','));

        Assert.Equal(["3.14", "Smith, John", "-1.5e3", "12"], table.Rows[0].Cells);
        Assert.Equal(["1", "x,y", "2,", ",5"], table.Rows[1].Cells);
        Assert.Equal(["7.25", "1,2,3", "+0.5", "1.5"], table.Rows[2].Cells);
    }

    [Fact]
    public async Task With_a_decimal_comma_the_separator_is_sniffed_among_the_others()
    {
        // Each line splits into three on ',' as on no other candidate: without the decimal mark the comma would win in a .csv.
        var bytes = Encoding.UTF8.GetBytes("a;b\n1,5;2,5\n3,5;4,5\n");

        var table = await ReadAsync(bytes, new CsvDialect(null, true, [], null, ','));

        Assert.Equal(["a", "b"], table.Columns);
        Assert.Equal([["1.5", "2.5"], ["3.5", "4.5"]], table.Rows.Select(r => r.Cells));
    }

    [Fact]
    public async Task A_latin1_file_with_a_decimal_comma_and_no_header_reads_like_its_utf8_comma_twin()
    {
        var latin1 = Encoding.Latin1.GetBytes("Zürich;1,5\r\nMalmö;-2,25\r\n");
        var dialect = new CsvDialect(';', false, ["city", "temp"], "latin1", ',');

        var table = await ReadAsync(latin1, dialect);
        var twin = await ReadAsync(Encoding.UTF8.GetBytes("city,temp\nZürich,1.5\nMalmö,-2.25\n"), CsvDialect.Sniffed);

        Assert.Equal(twin.Columns, table.Columns);
        Assert.Equal(twin.Rows.Select(r => r.Cells), table.Rows.Select(r => r.Cells));
    }
}
