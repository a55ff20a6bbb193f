using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>Stores a large file as an S3 multipart upload, hashing what it sends; see <see cref="PutIfAbsentAsync"/>.</summary>
internal sealed class S3MultipartUpload(BucketRequests bucket, S3StoreOptions options, S3FileUploader uploader)
{
    private const int MaxParts = 10_000;

    /// <summary>
    /// Multipart upload: the file is read once, in order, into at most <see cref="S3StoreOptions.MaxParallelUploads"/>
    /// part buffers (bounded memory) while the whole-file SHA-256 is computed; parts upload in parallel from memory, so
    /// retries resend exactly the hashed bytes. A hash mismatch aborts the upload before the object becomes visible.
    /// </summary>
    public async Task<bool> PutIfAbsentAsync(string fullKey, string localPath, long length, string? expected, CancellationToken cancellationToken)
    {
        if (await bucket.HeadAsync(fullKey, "upload", cancellationToken) is not null)
            return false;
        var partSize = PartSizeFor(length);
        var target = bucket.Target(fullKey);
        var uploadId = (await bucket.Retry.RunAsync("multipart upload start", target, ct =>
            bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket.Name, Key = fullKey }, ct), cancellationToken)).UploadId;
        try
        {
            var (parts, sha256) = await UploadPartsAsync(fullKey, uploadId, localPath, length, partSize, cancellationToken);
            if (expected is not null && sha256 != expected)
                throw uploader.HashMismatch(fullKey, localPath, sha256, expected, "Nothing was stored");
            await CompleteAsync(fullKey, uploadId, parts, length, cancellationToken);
            return true;
        }
        catch
        {
            await AbortQuietlyAsync(fullKey, uploadId);
            throw;
        }
    }

    private long PartSizeFor(long length)
    {
        const long MiB = 1024 * 1024;
        var needed = (length + MaxParts - 1) / MaxParts;
        return Math.Max(options.PartSize, (needed + MiB - 1) / MiB * MiB);
    }

    private async Task<(List<PartETag> Parts, string Sha256)> UploadPartsAsync(
        string fullKey, string uploadId, string localPath, long length, long partSize, CancellationToken cancellationToken)
    {
        var parallel = options.MaxParallelUploads;
        using var slots = new SemaphoreSlim(parallel, parallel);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffers = new ConcurrentBag<byte[]>();
        var uploads = new List<Task<PartETag>>();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using var file = uploader.OpenFile(localPath, fullKey);
            var partCount = (int)((length + partSize - 1) / partSize);
            for (var part = 1; part <= partCount; part++)
            {
                await slots.WaitAsync(failFast.Token);
                var buffer = buffers.TryTake(out var free) ? free : new byte[partSize];
                var size = (int)Math.Min(partSize, length - (part - 1) * partSize);
                var read = await file.ReadAtLeastAsync(buffer.AsMemory(0, size), size, throwOnEndOfStream: false, failFast.Token);
                if (read < size)
                    throw new InvalidInputException($"The file '{localPath}' became shorter while it was uploaded to {bucket.Target(fullKey)}; upload it again.");
                sha256.AppendData(buffer, 0, size);
                uploads.Add(UploadPartAsync(fullKey, uploadId, part, buffer, size, slots, buffers, failFast, failFast.Token));
            }

            var parts = await Task.WhenAll(uploads);
            return ([.. parts], Convert.ToHexStringLower(sha256.GetCurrentHash()));
        }
        catch
        {
            await failFast.CancelAsync();
            // Let running part uploads finish before the buffers and the semaphore go away; their errors are secondary.
            await Task.WhenAll(uploads.Select(u => u.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
            var first = uploads.FirstOrDefault(u => u.IsFaulted)?.Exception?.InnerException;
            if (first is MlopsException)
                ExceptionDispatchInfo.Throw(first);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(
        string fullKey, string uploadId, int part, byte[] buffer, int size, SemaphoreSlim slots, ConcurrentBag<byte[]> buffers,
        CancellationTokenSource failFast, CancellationToken cancellationToken)
    {
        try
        {
            var md5 = Convert.ToBase64String(MD5.HashData(buffer.AsSpan(0, size)));
            var response = await bucket.Retry.RunAsync($"upload of part {part}", bucket.Target(fullKey), async ct =>
            {
                using var body = new MemoryStream(buffer, 0, size, writable: false);
                return await bucket.Client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket.Name,
                    Key = fullKey,
                    UploadId = uploadId,
                    PartNumber = part,
                    InputStream = body,
                    PartSize = size,
                    MD5Digest = md5,
                }, ct);
            }, cancellationToken);
            return new PartETag(part, response.ETag);
        }
        catch
        {
            await failFast.CancelAsync();
            throw;
        }
        finally
        {
            buffers.Add(buffer);
            slots.Release();
        }
    }

    private async Task CompleteAsync(string fullKey, string uploadId, List<PartETag> parts, long length, CancellationToken cancellationToken)
    {
        var target = bucket.Target(fullKey);
        var attempts = 0;
        await bucket.Retry.RunAsync("multipart upload completion", target, async ct =>
        {
            attempts++;
            try
            {
                await bucket.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = bucket.Name,
                    Key = fullKey,
                    UploadId = uploadId,
                    PartETags = parts,
                }, ct);
            }
            catch (Exception e) when (attempts > 1 && S3Failure.IsNotFound(e))
            {
                // NoSuchUpload on a retry: the earlier attempt completed it; the size check below confirms.
            }
        }, cancellationToken);

        var head = await bucket.HeadAsync(fullKey, "multipart upload check", cancellationToken);
        if (head is null || head.Value.Size != length)
            throw new StorageException($"The multipart upload to {target} completed, but the object is {(head is null ? "missing" : $"{head.Value.Size} bytes, not {length}")}; upload it again.");
    }

    private async Task AbortQuietlyAsync(string fullKey, string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await bucket.Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket.Name, Key = fullKey, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Best effort: an abandoned upload only costs storage until the bucket's lifecycle rule or gc removes it.
        }
    }
}
