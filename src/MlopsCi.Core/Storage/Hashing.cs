using System.Buffers;
using System.Security.Cryptography;

namespace MlopsCi.Core.Storage;

/// <summary>SHA-256 helpers: content addresses are lower-case hex SHA-256 digests.</summary>
public static class Hashing
{
    private const int BufferSize = 1 << 20;

    /// <summary>
    /// A bijective 64-bit finaliser (the MurmurHash3 shape): spreads every input bit over the output, so sums of hashes
    /// that differ stay different and low bits are as good as high ones. Row hashes of the split and the row diff use it.
    /// </summary>
    public static ulong Mix64(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb53fe1a85ec3UL;
        return x ^ (x >> 33);
    }

    /// <summary>The hex SHA-256 of a byte span.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Hashes a stream to its end with a pooled buffer (bounded memory whatever the size).</summary>
    public static Task<string> Sha256HexAsync(Stream source, CancellationToken cancellationToken) =>
        CopyAndHashAsync(source, Stream.Null, cancellationToken);

    /// <summary>Hashes a local file; small files are read in one go, large ones streamed.</summary>
    public static async Task<string> Sha256FileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (stream.Length <= 64 * 1024)
        {
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return Sha256Hex(bytes);
        }

        return await Sha256HexAsync(stream, cancellationToken);
    }

    /// <summary>Copies a stream while hashing what passes through; returns the hex digest.</summary>
    public static async Task<string> CopyAndHashAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
