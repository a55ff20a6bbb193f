using System.Security.Cryptography;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>
/// Uploads local files under content-addressed keys, only where the key is absent. Files up to
/// <see cref="S3StoreOptions.MultipartThreshold"/> go in one PUT with <c>If-None-Match: *</c>; larger ones in parallel
/// parts (<see cref="S3MultipartUpload"/>). The SHA-256 is computed over the bytes actually sent, and an object whose
/// bytes do not hash as expected is never left behind.
/// </summary>
internal sealed class S3FileUploader
{
    private readonly BucketRequests _bucket;
    private readonly S3StoreOptions _options;
    private readonly S3MultipartUpload _multipart;

    public S3FileUploader(BucketRequests bucket, S3StoreOptions options)
    {
        _bucket = bucket;
        _options = options;
        _multipart = new S3MultipartUpload(bucket, options, this);
    }

    /// <summary>True when this call stored the file; false when the key existed already.</summary>
    public async Task<bool> PutIfAbsentAsync(string fullKey, string localPath, string? expectedSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(localPath);
        var length = LengthOf(localPath) ?? throw new InvalidInputException($"The file '{localPath}' to upload to {_bucket.Target(fullKey)} does not exist.");
        var expected = expectedSha256?.Trim().ToLowerInvariant();
        return length > _options.MultipartThreshold
            ? await _multipart.PutIfAbsentAsync(fullKey, localPath, length, expected, cancellationToken)
            : await PutSmallFileIfAbsentAsync(fullKey, localPath, length, expected, cancellationToken);
    }

    // The length of what opening the path gives (a FileInfo of a link such as /proc/self/fd/N reports the link's own).
    private static long? LengthOf(string localPath)
    {
        try
        {
            using var handle = File.OpenHandle(localPath);
            return RandomAccess.GetLength(handle);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task<bool> PutSmallFileIfAbsentAsync(string fullKey, string localPath, long length, string? expected, CancellationToken cancellationToken)
    {
        const string Operation = "upload";
        var ambiguous = false;
        (string Sha256, string Md5)? lastSent = null;
        for (var attempt = 1; ; attempt++)
        {
            var body = new HashingReadStream(OpenFile(localPath, fullKey), length);
            try
            {
                await _bucket.Client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _bucket.Name,
                    Key = fullKey,
                    InputStream = body,
                    AutoCloseStream = false,
                    IfNoneMatch = "*",
                }, cancellationToken);
                if (!body.Complete)
                    throw new StorageException($"The upload of '{localPath}' to {_bucket.Target(fullKey)} reported success before the whole file was sent; the object is not trusted.");
                await VerifyUploadAsync(fullKey, localPath, body.Sha256Hex(), expected, cancellationToken);
                return true;
            }
            catch (Exception e) when (S3Failure.IsPreconditionFailed(e) || S3Failure.IsConflict(e))
            {
                // A rewound body means the HTTP stack re-sent the request: the first copy may be what made the key exist.
                ambiguous |= body.Rewinds > 0;
                if (body.Complete)
                    lastSent = (body.Sha256Hex(), body.Md5Hex());
                if (!ambiguous)
                    return false;
                var head = await _bucket.HeadAsync(fullKey, Operation, cancellationToken);
                return head is not null && await ResolveExistingAsync(fullKey, localPath, head.Value.Tag, lastSent, expected, cancellationToken);
            }
            catch (Exception e) when (S3Failure.IsTransient(e, cancellationToken))
            {
                if (attempt >= _bucket.Retry.MaxAttempts)
                    throw _bucket.Retry.Fail(Operation, _bucket.Target(fullKey), e, attempt);
                if (S3Failure.IsAmbiguous(e) || body.Rewinds > 0)
                {
                    ambiguous = true;
                    if (body.Complete)
                        lastSent = (body.Sha256Hex(), body.Md5Hex());
                    var head = await _bucket.HeadAsync(fullKey, Operation, cancellationToken);
                    if (head is not null)
                        return await ResolveExistingAsync(fullKey, localPath, head.Value.Tag, lastSent, expected, cancellationToken);
                }

                await _bucket.Retry.DelayAsync(attempt, cancellationToken);
            }
            catch (Exception e) when (e is not MlopsException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                throw _bucket.Retry.Fail(Operation, _bucket.Target(fullKey), e, attempt);
            }
            finally
            {
                await body.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// After an ambiguous attempt the key exists: it is ours if its ETag is the MD5 of what we sent (then the hash of
    /// what we sent is checked). Otherwise someone else stored it — or an earlier copy of ours with other bytes, if the
    /// file changed — so with an expected hash the stored bytes are checked; wrong bytes under the key are removed.
    /// </summary>
    private async Task<bool> ResolveExistingAsync(
        string fullKey, string localPath, string storedTag, (string Sha256, string Md5)? sent, string? expected, CancellationToken cancellationToken)
    {
        if (sent is { } ours && string.Equals(storedTag, ours.Md5, StringComparison.OrdinalIgnoreCase))
        {
            await VerifyUploadAsync(fullKey, localPath, ours.Sha256, expected, cancellationToken);
            return true;
        }

        if (expected is null)
            return false;
        await using var stored = await _bucket.TryOpenReadAsync(fullKey, cancellationToken);
        if (stored is null)
            return false;
        using var sha256 = SHA256.Create();
        var actual = Convert.ToHexStringLower(await sha256.ComputeHashAsync(stored, cancellationToken));
        await VerifyUploadAsync(fullKey, localPath, actual, expected, cancellationToken);
        return false;
    }

    /// <summary>This call stored <paramref name="fullKey"/> from bytes hashing to <paramref name="actual"/>; keep it only if that is what was expected.</summary>
    private async Task VerifyUploadAsync(string fullKey, string localPath, string actual, string? expected, CancellationToken cancellationToken)
    {
        if (expected is null || actual == expected)
            return;
        await _bucket.DeleteAsync(fullKey, CancellationToken.None);
        throw HashMismatch(fullKey, localPath, actual, expected, "The uploaded object was deleted");
    }

    internal InvalidInputException HashMismatch(string fullKey, string localPath, string actual, string expected, string outcome) =>
        new($"The file '{localPath}' read as SHA-256 {actual}, not the expected {expected}: it changed while it was uploaded to {_bucket.Target(fullKey)}, or the expected hash is wrong. {outcome}; hash the file again and retry.");

    internal FileStream OpenFile(string localPath, string fullKey)
    {
        try
        {
            return new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"The file '{localPath}' to upload to {_bucket.Target(fullKey)} cannot be read: {e.Message}", e);
        }
    }
}
