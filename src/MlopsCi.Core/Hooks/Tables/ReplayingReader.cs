namespace MlopsCi.Core.Hooks.Tables;

/// <summary>A text reader that returns the characters already read (for sniffing the separator) before the rest of the source.</summary>
internal sealed class ReplayingReader(char[] head, int length, TextReader rest) : TextReader
{
    private int _position;

    public override int Peek() => _position < length ? head[_position] : rest.Peek();

    public override int Read() => _position < length ? head[_position++] : rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_position >= length)
            return rest.Read(buffer);
        var count = Math.Min(buffer.Length, length - _position);
        head.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        _position >= length ? rest.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            rest.Dispose();
        base.Dispose(disposing);
    }
}
