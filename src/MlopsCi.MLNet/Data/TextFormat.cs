using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// How a local delimited text file is laid out, for our reader and ML.NET's loader alike: the separator, whether fields
/// may be quoted, and the column names when the file has no header line (<c>model.data.csv: { header: false }</c>).
/// </summary>
internal sealed record TextFormat(char Separator, bool Quoted, IReadOnlyList<string>? Columns = null)
{
    public static TextFormat Tsv { get; } = new('\t', false);

    /// <summary>Whether the first line names the columns.</summary>
    public bool HeaderLine => Columns is null;

    /// <summary>
    /// The layout of a local file: the dialect's separator, else sniffed from the file's first lines (the same
    /// <see cref="CsvSniffer"/> every reader uses); the dialect's column names when it has no header line.
    /// </summary>
    public static TextFormat Resolve(string localPath, CsvDialect? dialect)
    {
        var columns = dialect is { Header: false } ? dialect.Columns : null;
        if (dialect?.Separator is { } given)
            return new TextFormat(given, true, columns);
        using var text = new StreamReader(localPath, System.Text.Encoding.UTF8, true, 1 << 16);
        var head = new char[1 << 16];
        var (length, read) = (0, 0);
        while (length < head.Length && (read = text.Read(head.AsSpan(length))) > 0)
            length += read;
        return new TextFormat(CsvSniffer.Separator(TableFormats.Of(localPath), head.AsSpan(0, length), complete: length < head.Length), true, columns);
    }

    /// <summary>The reader of a file in this layout.</summary>
    public CsvTableReader Reader(string localPath) => new(TableFormats.Of(localPath), new CsvDialect(Separator, HeaderLine, Columns ?? []));
}
