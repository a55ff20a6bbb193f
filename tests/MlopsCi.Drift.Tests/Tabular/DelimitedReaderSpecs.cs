using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Tabular;

namespace MlopsCi.Drift.Tests.Tabular;

public sealed class DelimitedReaderSpecs
{
    [Fact]
    public async Task Quoted_fields_keep_separators_doubled_quotes_and_line_breaks()
    {
        var rows = await ReadAllAsync("t.csv", "name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\nb,\"two\nlines\"\r\n");

        Assert.Equal(["Smith, J", "said \"hi\""], rows[0]);
        Assert.Equal(["b", "two\nlines"], rows[1]);
    }

    [Fact]
    public async Task Line_numbers_count_line_breaks_inside_quotes()
    {
        using var reader = await OpenAsync("t.csv", "a,b\n1,\"x\ny\"\n2,z\n");
        await reader.ReadRowAsync(default);
        await reader.ReadRowAsync(default);

        Assert.Equal(4, reader.Line);
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_a_missing_final_line_break_is_fine() =>
        Assert.Equal([["1", "2"], ["3", "4"]], await ReadAllAsync("t.csv", "a,b\n1,2\n\n3,4"));

    [Theory]
    [InlineData("t.tsv", "a\tb\n1,5\t2\n", '\t')]
    [InlineData("t.txt", "a;b\n1,5;2\n", ';')]
    [InlineData("t.txt", "a\tb\n1\t2\n", '\t')]
    public async Task The_separator_comes_from_the_extension_or_else_the_header(string name, string text, char expected)
    {
        using var reader = await OpenAsync(name, text);

        Assert.Equal(expected, reader.Separator);
        Assert.Equal(["a", "b"], reader.Header);
    }

    [Fact]
    public async Task An_unclosed_quote_is_bad_input_naming_the_line()
    {
        using var reader = await OpenAsync("t.csv", "a,b\n1,2\n3,\"oops\n");
        await reader.ReadRowAsync(default);

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () => await reader.ReadRowAsync(default));

        Assert.Contains("t.csv line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_bad_input() =>
        await Assert.ThrowsAsync<InvalidInputException>(() => OpenAsync("t.csv", ""));

    private static Task<DelimitedReader> OpenAsync(string name, string text) =>
        DelimitedReader.OpenAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, default);

    private static async Task<List<string[]>> ReadAllAsync(string name, string text)
    {
        using var reader = await OpenAsync(name, text);
        var rows = new List<string[]>();
        while (await reader.ReadRowAsync(default) is { } row)
            rows.Add(row);
        return rows;
    }
}
