using System.Text;
using MlopsCi.Core.Specs;
using nietras.SeparatedValues;

namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// The one CSV/TSV reader, streaming, after RFC 4180 and on <c>Sep</c> (SIMD): fields may be quoted, with <c>""</c> for a
/// quote and separators or line breaks inside; CRLF, LF or CR end a record; blank lines are skipped; a UTF-8 or UTF-16
/// byte order mark is dropped. Text is UTF-8 unless the dialect declares an encoding; a dialect's decimal comma becomes
/// a point in every number (see <see cref="CsvRecords"/>). The <see cref="Dialect"/> says the separator (else sniffed from the first lines, see
/// <see cref="CsvSniffer"/>) and whether the first record is a header (else the dialect names the columns and every
/// record is data). Each field is copied once into a reused <see cref="TableRow"/>.
/// </summary>
public sealed class CsvTableReader : ITableReader
{
    private const int BufferSize = 1 << 16;

    /// <summary>A reader of <paramref name="format"/> ("csv", "tsv", or another extension) files in <paramref name="dialect"/> (null: a header line and a sniffed separator).</summary>
    public CsvTableReader(string format, CsvDialect? dialect = null)
    {
        Format = format;
        Dialect = dialect ?? CsvDialect.Sniffed;
    }

    /// <summary>Comma-separated files with a header line (the separator sniffed all the same).</summary>
    public static CsvTableReader Csv { get; } = new("csv");

    /// <summary>Tab-separated files with a header line (the separator sniffed all the same).</summary>
    public static CsvTableReader Tsv { get; } = new("tsv");

    /// <inheritdoc />
    public string Format { get; }

    /// <summary>The separator (null: sniffed), whether there is a header line, and the column names when there is none.</summary>
    public CsvDialect Dialect { get; }

    /// <inheritdoc />
    public async Task ReadAsync(Stream content, string path, TableVisitor visitor, CancellationToken cancellationToken)
    {
        var (text, fallback) = Open(content);
        using var _ = text;
        var (source, separator) = await ResolveAsync(text, cancellationToken);
        using var reader = await Options(separator).FromAsync(source, cancellationToken);
        var records = new CsvRecords(Dialect, separator, path, Format, visitor, fallback);
        await foreach (var row in reader.WithCancellation(cancellationToken))
            records.Add(row);
        records.Complete();
    }

    /// <summary>Reads the whole table synchronously (local files).</summary>
    public void Read(Stream content, string path, TableVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var (text, fallback) = Open(content);
        using var _ = text;
        var (source, separator) = Resolve(text);
        using var reader = Options(separator).From(source);
        var records = new CsvRecords(Dialect, separator, path, Format, visitor, fallback);
        foreach (var row in reader)
            records.Add(row);
        records.Complete();
    }

    /// <summary>
    /// The text of <paramref name="content"/>: in the dialect's encoding (a byte order mark wins), recording the first
    /// byte that is not valid in it; else UTF-8, where such bytes quietly become U+FFFD as they always have.
    /// </summary>
    private (StreamReader Text, DecodingFallback? Fallback) Open(Stream content)
    {
        if (Dialect.TextEncoding is not { } declared)
            return (new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true), null);
        var (encoding, fallback) = DecodingFallback.For(declared);
        return (new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true), fallback);
    }

    /// <summary>The separator of a file whose text is in <paramref name="text"/>: the dialect's, else sniffed from the start (which is then read again).</summary>
    private async Task<(TextReader Source, char Separator)> ResolveAsync(StreamReader text, CancellationToken cancellationToken)
    {
        if (Dialect.Separator is { } given)
            return (text, given);
        var head = new char[BufferSize];
        var (length, read) = (0, 0);
        while (length < head.Length && (read = await text.ReadAsync(head.AsMemory(length), cancellationToken)) > 0)
            length += read;
        return (new ReplayingReader(head, length, text), CsvSniffer.Separator(Format, head.AsSpan(0, length), complete: read == 0 || length < head.Length, Dialect.Decimal));
    }

    private (TextReader Source, char Separator) Resolve(StreamReader text)
    {
        if (Dialect.Separator is { } given)
            return (text, given);
        var head = new char[BufferSize];
        var (length, read) = (0, 0);
        while (length < head.Length && (read = text.Read(head.AsSpan(length))) > 0)
            length += read;
        return (new ReplayingReader(head, length, text), CsvSniffer.Separator(Format, head.AsSpan(0, length), complete: read == 0 || length < head.Length, Dialect.Decimal));
    }

    // Quotes are undone by CsvRecords, not by Sep, so that a quote inside an unquoted value is an error naming the line
    // rather than a silent start of quoting; the header is read as a record, so a repeated name is the caller's to report.
    private static SepReaderOptions Options(char separator) =>
        Sep.New(separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = false, CultureInfo = System.Globalization.CultureInfo.InvariantCulture });
}
