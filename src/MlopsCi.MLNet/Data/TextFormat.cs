using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// How a local delimited text file is laid out, for our reader and ML.NET's loader alike: the separator, whether fields
/// may be quoted, and the column names when the file has no header line (<c>model.data.csv: { header: false }</c>).
/// A declared encoding or a decimal comma is for our reader only: ML.NET's loader reads a normalised copy
/// (<see cref="Plain"/>, written by <see cref="DataPreparer"/>).
/// </summary>
internal sealed record TextFormat(char Separator, bool Quoted, IReadOnlyList<string>? Columns = null, string? Encoding = null, char Decimal = '.')
{
    public static TextFormat Tsv { get; } = new('\t', false);

    private readonly IReadOnlyList<string>? _missingMarkers;

    /// <summary>The declared missing markers (<c>model.data.csv.missing</c>); null: the defaults.</summary>
    public IReadOnlyList<string>? MissingMarkers
    {
        get => _missingMarkers;
        init => (_missingMarkers, Missing) = (value, value is null ? MissingValues.Default : MissingValues.Of(value));
    }

    /// <summary>What counts as missing in the file (made once: it is asked for every cell).</summary>
    public MissingValues Missing { get; private init; } = MissingValues.Default;

    /// <summary>Whether the first line names the columns.</summary>
    public bool HeaderLine => Columns is null;

    /// <summary>Whether ML.NET's loader could not read the file as it is: another encoding than UTF-8, or a decimal comma.</summary>
    public bool NeedsNormalising => new CsvDialect(Separator, HeaderLine, [], Encoding, Decimal) { Missing = MissingMarkers }.NeedsNormalising;

    /// <summary>
    /// This layout for a copy written by <see cref="RowText"/>: a header line, UTF-8, decimal points (declared missing
    /// markers that are numbers written blank; the marker list stays, so a default one that is a value here still is).
    /// </summary>
    public TextFormat Plain => this with { Columns = null, Encoding = null, Decimal = '.' };

    /// <summary>
    /// The layout of a local file: the dialect's separator, else sniffed from the file's first lines (the same
    /// <see cref="CsvSniffer"/> every reader uses); the dialect's column names when it has no header line.
    /// </summary>
    public static TextFormat Resolve(string localPath, CsvDialect? dialect)
    {
        var columns = dialect is { Header: false } ? dialect.Columns : null;
        if (dialect?.Separator is { } given)
            return new TextFormat(given, true, columns, dialect.Encoding, dialect.Decimal) { MissingMarkers = dialect.Missing };
        using var text = new StreamReader(localPath, dialect?.TextEncoding ?? System.Text.Encoding.UTF8, true, 1 << 16);
        var head = new char[1 << 16];
        var (length, read) = (0, 0);
        while (length < head.Length && (read = text.Read(head.AsSpan(length))) > 0)
            length += read;
        var decimalMark = dialect?.Decimal ?? '.';
        return new TextFormat(CsvSniffer.Separator(TableFormats.Of(localPath), head.AsSpan(0, length), complete: length < head.Length, decimalMark), true, columns, dialect?.Encoding, decimalMark) { MissingMarkers = dialect?.Missing };
    }

    /// <summary>The reader of a file in this layout.</summary>
    public CsvTableReader Reader(string localPath) => new(TableFormats.Of(localPath), new CsvDialect(Separator, HeaderLine, Columns ?? [], Encoding, Decimal));
}
