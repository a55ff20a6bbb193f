using System.Security.Cryptography;

namespace MlopsCi.S3.Internal;

/// <summary>
/// Reads at most <c>limit</c> bytes of an inner stream and hashes them (SHA-256 and MD5) as they pass. If the
/// reader rewinds to the start (the SDK may read once to sign and once to send), hashing starts over, so the
/// hashes always describe the last complete pass — the bytes that were sent.
/// </summary>
internal sealed class HashingReadStream(Stream inner, long limit) : Stream
{
    private IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private long _position;
    private long _hashed;

    /// <summary>True once every byte up to the limit passed through the hashes in one pass.</summary>
    public bool Complete => _hashed == limit;

    /// <summary>
    /// How often the reader went back to the start after reading. The HTTP stack re-sends a request on its own when a
    /// pooled connection breaks, so a rewind means an earlier copy of this request may have reached the server.
    /// </summary>
    public int Rewinds { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => limit;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <summary>Hex SHA-256 of the last complete pass.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_sha256.GetCurrentHash());

    /// <summary>Hex MD5 of the last complete pass (the ETag S3 gives a single-part object).</summary>
    public string Md5Hex() => Convert.ToHexStringLower(_md5.GetCurrentHash());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(Clamp(buffer));
        Advance(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(Clamp(buffer), cancellationToken);
        Advance(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => limit + offset,
        };
        if (target == _position)
            return _position;
        if (target != 0)
            throw new NotSupportedException("An upload stream can only be rewound to its start.");
        inner.Seek(0, SeekOrigin.Begin);
        Rewinds++;
        _sha256.Dispose();
        _md5.Dispose();
        _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        _position = 0;
        _hashed = 0;
        return 0;
    }

    private Span<byte> Clamp(Span<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, limit - _position)];

    private Memory<byte> Clamp(Memory<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, limit - _position)];

    private void Advance(ReadOnlySpan<byte> data)
    {
        if (_hashed == _position)
        {
            _sha256.AppendData(data);
            _md5.AppendData(data);
            _hashed += data.Length;
        }

        _position += data.Length;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _sha256.Dispose();
            _md5.Dispose();
        }

        base.Dispose(disposing);
    }
}
