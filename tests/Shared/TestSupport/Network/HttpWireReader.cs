using System.Globalization;
using System.Text;

namespace MlopsCi.Testing;

/// <summary>Reads HTTP/1.1 framing from a stream: heads, fixed-length and chunked bodies.</summary>
internal sealed class HttpWireReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next message head, or null at a clean end of stream before any byte of it.</summary>
    public async Task<HttpHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken);
        if (first is null)
            return null;
        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken) ?? throw new IOException("The stream ended inside a message head.");
            if (line.Length == 0)
                return new HttpHead(first, headers);
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }
    }

    /// <summary>Copies exactly <paramref name="count"/> bytes to <paramref name="destination"/> (null: discard).</summary>
    public async Task CopyExactAsync(long count, Stream? destination, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
                throw new IOException("The stream ended inside a message body.");
            var n = (int)Math.Min(count, _end - _start);
            if (destination is not null)
                await destination.WriteAsync(_buffer.AsMemory(_start, n), cancellationToken);
            _start += n;
            count -= n;
        }
    }

    /// <summary>Copies a chunked body, framing included, to <paramref name="destination"/> (null: discard).</summary>
    public async Task CopyChunkedAsync(Stream? destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken) ?? throw new IOException("The stream ended inside a chunked body.");
            await WriteLineAsync(destination, sizeLine, cancellationToken);
            var size = long.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, then the empty line.
                while (true)
                {
                    var trailer = await ReadLineAsync(cancellationToken) ?? throw new IOException("The stream ended inside chunk trailers.");
                    await WriteLineAsync(destination, trailer, cancellationToken);
                    if (trailer.Length == 0)
                        return;
                }
            }

            await CopyExactAsync(size, destination, cancellationToken);
            var end = await ReadLineAsync(cancellationToken);
            await WriteLineAsync(destination, end ?? string.Empty, cancellationToken);
        }
    }

    /// <summary>Copies everything until the peer closes.</summary>
    public async Task CopyToEndAsync(Stream? destination, CancellationToken cancellationToken)
    {
        while (_start < _end || await FillAsync(cancellationToken))
        {
            if (destination is not null)
                await destination.WriteAsync(_buffer.AsMemory(_start, _end - _start), cancellationToken);
            _start = _end;
        }
    }

    private static async Task WriteLineAsync(Stream? destination, string line, CancellationToken cancellationToken)
    {
        if (destination is not null)
            await destination.WriteAsync(Encoding.Latin1.GetBytes(line + "\r\n"), cancellationToken);
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
                return line.Length == 0 ? null : throw new IOException("The stream ended inside a line.");
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Append(Encoding.Latin1.GetString(_buffer, _start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
                return line.ToString().TrimEnd('\r');
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
