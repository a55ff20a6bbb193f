using System.Text;

namespace MlopsCi.Core.Tabular;

/// <summary>
/// Pulls rows of a delimited text file (CSV, TSV) one at a time, with RFC 4180 quoting: quoted fields may hold
/// separators, doubled quotes and line breaks; CRLF, LF and CR all end a row. The first row is the header. Memory is
/// bounded by the longest row. (The push-style, faster reader is <see cref="Hooks.Tables.CsvTableReader"/>.)
/// </summary>
public sealed class DelimitedReader : IDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[BufferSize];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private bool _ended;
    private long _nextLine = 1;

    private DelimitedReader(TextReader reader, char separator, string source)
    {
        _reader = reader;
        Separator = separator;
        Source = source;
    }

    /// <summary>The field separator.</summary>
    public char Separator { get; private set; }

    /// <summary>The file's name in messages.</summary>
    public string Source { get; }

    /// <summary>The header's column names (trimmed).</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>1-based line where the last row read started (the header is line 1).</summary>
    public long Line { get; private set; }

    /// <summary>
    /// Opens a reader over UTF-8 text and reads the header. The separator is ',' for .csv, tab for .tsv/.tab, else
    /// whichever of tab, ';' and ',' the header line holds most of. An empty file is bad input.
    /// </summary>
    public static async Task<DelimitedReader> OpenAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
        var reader = new DelimitedReader(text, SeparatorFor(source), source);
        if (reader.Separator == '\0')
            reader.Separator = await reader.DetectSeparatorAsync(cancellationToken);
        var header = await reader.ReadRowAsync(cancellationToken);
        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            reader.Dispose();
            throw new Errors.InvalidInputException($"{source} is empty: a header row naming the columns is expected on line 1.");
        }

        reader.Header = [.. header.Select(h => h.Trim())];
        return reader;
    }

    /// <summary>The separator a file name implies, or '\0' to detect it from the header.</summary>
    internal static char SeparatorFor(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => ',',
        ".tsv" or ".tab" => '\t',
        _ => '\0',
    };

    /// <summary>The next row's fields, or null at the end. Blank lines are skipped.</summary>
    public async ValueTask<string[]?> ReadRowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await ReadRecordAsync(cancellationToken);
            if (row is null || row.Count > 1 || row[0].Length > 0)
                return row?.ToArray();
        }
    }

    private async ValueTask<List<string>?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(cancellationToken))
            return null;
        Line = _nextLine;
        var fields = new List<string>();
        var quoted = false;
        var wasQuoted = false;
        _field.Clear();
        while (await FillAsync(cancellationToken))
        {
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (!await FillAsync(cancellationToken) || _buffer[_position] != '"')
                        quoted = false;
                    else
                        _field.Append(_buffer[_position++]);
                }
                else
                {
                    if (c == '\n')
                        _nextLine++;
                    _field.Append(c);
                }
            }
            else if (c == '"' && _field.Length == 0 && !wasQuoted)
            {
                (quoted, wasQuoted) = (true, true);
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && await FillAsync(cancellationToken) && _buffer[_position] == '\n')
                    _position++;
                _nextLine++;
                break;
            }
            else if (c == Separator)
            {
                fields.Add(_field.ToString());
                (_field.Length, wasQuoted) = (0, false);
            }
            else
            {
                _field.Append(c);
            }
        }

        if (quoted)
            throw new Errors.InvalidInputException($"{Source} line {Line}: a quoted field is not closed before the end of the file. Close it with '\"' (a quote inside a field is written as '\"\"').");
        fields.Add(_field.ToString());
        return fields;
    }

    private async Task<char> DetectSeparatorAsync(CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken);
        var end = Array.IndexOf(_buffer, '\n', 0, _length);
        var header = _buffer.AsSpan(0, end < 0 ? _length : end);
        var (tabs, semicolons, commas) = (header.Count('\t'), header.Count(';'), header.Count(','));
        return tabs > 0 && tabs >= commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_position < _length)
            return true;
        if (_ended)
            return false;
        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        _ended = _length == 0;
        return !_ended;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
