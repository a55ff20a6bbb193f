using System.Buffers;
using System.Text;
using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// A streaming CSV/TSV reader after RFC 4180: the first record is the header; fields may be quoted, with <c>""</c> for a
/// quote and delimiters or line breaks inside; CRLF, LF or CR end a record; blank lines are skipped. It scans a
/// 64 KiB window with vectorised searches and copies each field once into a reused <see cref="TableRow"/>.
/// </summary>
internal sealed class CsvTableReader : ITableReader
{
    private const int InitialBuffer = 1 << 16;
    private readonly char _delimiter;
    private readonly SearchValues<char> _stops;

    public CsvTableReader(string format, char delimiter)
    {
        Format = format;
        _delimiter = delimiter;
        _stops = SearchValues.Create([delimiter, '\r', '\n']);
    }

    private enum Outcome
    {
        Record,
        Blank,
        Incomplete,
        Unterminated,
    }

    public static CsvTableReader Csv { get; } = new("csv", ',');

    public static CsvTableReader Tsv { get; } = new("tsv", '\t');

    public string Format { get; }

    public async Task ReadAsync(Stream content, string path, TableVisitor visitor, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, InitialBuffer, leaveOpen: true);
        var buffer = new char[InitialBuffer];
        int start = 0, end = 0;
        var eof = false;
        var row = new TableRow();
        var header = false;
        long line = 1, number = 0;
        while (true)
        {
            while (start < end)
            {
                var outcome = ParseRecord(buffer.AsSpan(start, end - start), eof, row, out var consumed, out var newlines);
                if (outcome == Outcome.Incomplete)
                    break;
                if (outcome == Outcome.Unterminated)
                    throw new InvalidInputException($"'{path}' is not valid {Format.ToUpperInvariant()}: the quoted field starting on line {line} is never closed.");
                start += consumed;
                var recordLine = line;
                line += newlines;
                if (outcome == Outcome.Blank)
                    continue;
                if (!header)
                {
                    visitor.Header(row.ToList());
                    header = true;
                    continue;
                }

                row.Number = ++number;
                row.Line = recordLine;
                visitor.Row(row);
            }

            if (eof)
                break;
            if (start > 0)
            {
                Array.Copy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            var read = await text.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
                eof = true;
            else
                end += read;
        }

        if (!header)
            visitor.Header([]);
    }

    /// <summary>Parses one record from the start of <paramref name="data"/>; Incomplete when more input is needed to finish it.</summary>
    private Outcome ParseRecord(ReadOnlySpan<char> data, bool final, TableRow row, out int consumed, out int newlines)
    {
        row.Clear();
        consumed = 0;
        newlines = 0;
        if (data[0] is '\n' or '\r')
        {
            if (data[0] == '\r' && data.Length == 1 && !final)
                return Outcome.Incomplete;
            consumed = data[0] == '\r' && data.Length > 1 && data[1] == '\n' ? 2 : 1;
            newlines = 1;
            return Outcome.Blank;
        }

        var pos = 0;
        while (true)
        {
            if (pos < data.Length && data[pos] == '"')
            {
                row.BeginField();
                var p = pos + 1;
                while (true)
                {
                    var quote = data[p..].IndexOf('"');
                    if (quote < 0)
                        return final ? Outcome.Unterminated : Outcome.Incomplete;
                    var chunk = data.Slice(p, quote);
                    newlines += chunk.Count('\n');
                    row.AppendToField(chunk);
                    p += quote + 1;
                    if (p == data.Length && !final)
                        return Outcome.Incomplete;
                    if (p < data.Length && data[p] == '"')
                    {
                        row.AppendToField("\"");
                        p++;
                        continue;
                    }

                    break;
                }

                // Lenient with text after a closing quote ("a"b): it is kept as part of the field.
                var stop = data[p..].IndexOfAny(_stops);
                var stopAt = stop < 0 ? data.Length : p + stop;
                row.AppendToField(data[p..stopAt]);
                row.EndField();
                pos = stopAt;
            }
            else
            {
                var stop = data[pos..].IndexOfAny(_stops);
                var stopAt = stop < 0 ? data.Length : pos + stop;
                row.Append(data[pos..stopAt]);
                pos = stopAt;
            }

            if (pos == data.Length)
            {
                if (!final)
                    return Outcome.Incomplete;
                consumed = pos;
                return Outcome.Record;
            }

            var c = data[pos];
            if (c == _delimiter)
            {
                pos++;
                continue;
            }

            if (c == '\r' && pos + 1 == data.Length && !final)
                return Outcome.Incomplete;
            consumed = c == '\r' && pos + 1 < data.Length && data[pos + 1] == '\n' ? pos + 2 : pos + 1;
            newlines++;
            return Outcome.Record;
        }
    }
}
