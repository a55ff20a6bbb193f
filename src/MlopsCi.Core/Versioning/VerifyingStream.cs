using System.Security.Cryptography;
using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

/// <summary>A read-only stream that hashes what it reads and fails at the end if the content is not what the entry says.</summary>
internal sealed class VerifyingStream(Stream inner, Entry entry) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => entry.Size;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        return Account(buffer[..n]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        return Account(buffer.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Account(ReadOnlySpan<byte> data)
    {
        _hash.AppendData(data);
        _read += data.Length;
        if (data.Length == 0 && !_verified)
        {
            _verified = true;
            var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
            if (actual != entry.Hash || _read != entry.Size)
                throw Corrupt(entry, actual);
        }

        return data.Length;
    }

    /// <summary>The error for a blob whose content does not hash to its entry's hash.</summary>
    public static CorruptionException Corrupt(Entry entry, string actual) =>
        new($"'{entry.Path}' is corrupt in the store: its content hashes to {actual[..12]}…, not {entry.Hash[..12]}…. Run 'mlops data fsck' and restore the object from a backup or re-commit the file.", [entry.Path]);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
