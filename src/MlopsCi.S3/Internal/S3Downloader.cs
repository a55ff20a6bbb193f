using System.Buffers;
using Amazon.S3.Model;

namespace MlopsCi.S3.Internal;

/// <summary>Downloads objects to local files, large ones as parallel ranges pinned to one version.</summary>
internal sealed class S3Downloader(BucketRequests bucket, S3StoreOptions options)
{
    private const int DownloadBufferSize = 1 << 20;

    /// <summary>Downloads the object to <paramref name="localPath"/>; false when it does not exist.</summary>
    /// <remarks>
    /// Objects over <see cref="S3StoreOptions.MultipartThreshold"/> are fetched as <see cref="S3StoreOptions.PartSize"/>
    /// ranges, <see cref="S3StoreOptions.MaxParallelDownloads"/> at once, each written at its offset; every range is
    /// pinned to the ETag seen first, so an object replaced mid-download fails instead of mixing versions. A failed
    /// range is retried on its own.
    /// </remarks>
    public async Task<bool> TryDownloadAsync(string fullKey, string localPath, CancellationToken cancellationToken)
    {
        var head = await bucket.HeadAsync(fullKey, "download", cancellationToken);
        if (head is not { } found)
            return false;
        var (size, tag) = found;
        using var file = File.OpenHandle(localPath, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.Asynchronous, preallocationSize: size);
        var parts = size == 0 ? 0 : (int)((size + options.PartSize - 1) / options.PartSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelDownloads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, parts), parallel, async (part, ct) =>
        {
            var offset = part * options.PartSize;
            var length = Math.Min(options.PartSize, size - offset);
            await bucket.Retry.RunAsync("download", bucket.Target(fullKey), c => DownloadRangeAsync(fullKey, tag, file, offset, length, c), ct);
        });
        return true;
    }

    private async Task DownloadRangeAsync(string fullKey, string tag, Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, long length, CancellationToken cancellationToken)
    {
        using var response = await bucket.Client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = bucket.Name,
            Key = fullKey,
            ByteRange = new ByteRange(offset, offset + length - 1),
            EtagToMatch = tag,
        }, cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(DownloadBufferSize);
        try
        {
            long written = 0;
            int read;
            while (written < length && (read = await response.ResponseStream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - written)), cancellationToken)) > 0)
            {
                await RandomAccess.WriteAsync(file, buffer.AsMemory(0, read), offset + written, cancellationToken);
                written += read;
            }

            // A connection cut mid-body must not pass for a complete range.
            if (written != length)
                throw new IOException($"The response ended after {written} of {length} bytes of the range at {offset}.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
