using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using nietras.SeparatedValues;

namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// Turns Sep's records into the header and the rows a <see cref="TableVisitor"/> gets: blank lines skipped, quotes
/// undone (<c>"a ""b"""</c> → <c>a "b"</c>; text after a closing quote is kept, <c>"a"b</c> → <c>ab</c>), rows numbered
/// with the line they start on. A quote that is never closed, or one inside a value that does not start with a quote
/// (which would swallow the lines up to the next quote), is invalid input naming the line. With a decimal comma in the
/// dialect, a value that is a number written with one (<c>-1,5e3</c>) is handed on with a point (<c>-1.5e3</c>), so the
/// hooks, drift, the row diff and training parse it as they parse any number; other values keep their commas. Bytes that
/// are not valid in a declared encoding are invalid input naming the line of the row that holds them.
/// </summary>
internal sealed class CsvRecords
{
    private readonly CsvDialect _dialect;
    private readonly char _separator;
    private readonly string _path;
    private readonly string _format;
    private readonly TableVisitor _visitor;
    private readonly DecodingFallback? _decoding;
    private readonly bool _decimalComma;
    private readonly TableRow _row = new();
    private bool _header;
    private long _number;

    public CsvRecords(CsvDialect dialect, char separator, string path, string format, TableVisitor visitor, DecodingFallback? decoding = null)
    {
        (_dialect, _separator, _path, _format, _visitor, _decoding) = (dialect, separator, path, format, visitor, decoding);
        _decimalComma = dialect.Decimal == ',';
        if (!dialect.Header)
        {
            visitor.Header(dialect.Columns);
            _header = true;
        }
    }

    public void Add(SepReader.Row record)
    {
        if (record.ColCount == 1 && record.Span.IsEmpty)
            return;
        // Sep 0.18 numbers the first record's start line 2 (its end is right): the first record starts on line 1.
        var line = record.RowIndex == 0 ? 1 : record.LineNumberFrom;
        if (_decoding?.FirstInvalid is { } invalid && record.Span.Contains('\uFFFD'))
            throw NotDecodable(invalid, $" on line {line}");
        _row.Clear();
        var quoted = record.Span.Contains('"');
        for (var i = 0; i < record.ColCount; i++)
        {
            var field = record[i].Span;
            if (quoted && field.Contains('"'))
                AppendQuoted(field, line);
            else
                _row.Append(field);
            if (_decimalComma)
                DecimalNumbers.PointFor(_row.LastField, ',');
        }

        if (!_header)
        {
            _visitor.Header(_row.ToList());
            _header = true;
            return;
        }

        if (++_number == 1 && !_dialect.Header && _row.FieldCount != _dialect.Columns.Count)
            throw new InvalidInputException($"'{_path}' line {line}: {_row.FieldCount} values, but model.data.csv.columns in the spec names {_dialect.Columns.Count} columns. List one name per column, in file order (separator '{Printable(_separator)}').");
        _row.Number = _number;
        _row.Line = line;
        _visitor.Row(_row);
    }

    /// <summary>After the last record: a file without any record still has a (empty) header.</summary>
    public void Complete()
    {
        if (_decoding?.FirstInvalid is { } invalid)
            throw NotDecodable(invalid, "");
        if (!_header)
            _visitor.Header([]);
    }

    private void AppendQuoted(ReadOnlySpan<char> field, int line)
    {
        if (field[0] != '"')
            throw Invalid($"line {line} has a '\"' inside a value that does not start with one ({Preview(field)}). Quote the whole value and double each quote inside it, e.g. \"5'10\"\"\"");
        _row.BeginField();
        var position = 1;
        while (true)
        {
            var quote = field[position..].IndexOf('"');
            if (quote < 0)
                throw Invalid($"the quoted field starting on line {line} is never closed");
            _row.AppendToField(field.Slice(position, quote));
            position += quote + 1;
            if (position < field.Length && field[position] == '"')
            {
                _row.AppendToField("\"");
                position++;
                continue;
            }

            break;
        }

        // Lenient with text after a closing quote ("a"b): it is kept as part of the field, unless it opens another quote.
        var rest = field[position..];
        if (rest.Contains('"'))
            throw Invalid($"line {line} has text with a '\"' after the closing quote of a value ({Preview(field)}). Quote the whole value and double each quote inside it");
        _row.AppendToField(rest);
        _row.EndField();
    }

    private InvalidInputException NotDecodable(byte invalid, string where) =>
        new($"'{_path}' is not valid {_dialect.Encoding} text (byte 0x{invalid:X2}{where}). Set model.data.csv.encoding in mlops.yml to the file's encoding, e.g. latin1 or windows-1252.");

    private InvalidInputException Invalid(string problem) => new($"'{_path}' is not valid {_format.ToUpperInvariant()}: {problem}.");

    private static string Preview(ReadOnlySpan<char> field)
    {
        var firstLine = field[..Math.Max(0, field.IndexOfAny('\r', '\n') is var end and >= 0 ? end : field.Length)];
        return firstLine.Length <= 40 ? firstLine.ToString() : firstLine[..40].ToString() + "…";
    }

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();
}
