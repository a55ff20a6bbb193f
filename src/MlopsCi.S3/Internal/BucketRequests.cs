using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.S3.Internal;

/// <summary>
/// One bucket (under a key prefix) at one server: the plain requests, each with the retry policy, that the store's
/// writers and readers build on. Keys here are full keys (prefix included); the store maps its relative keys.
/// </summary>
internal sealed class BucketRequests(S3StoreUri uri, S3Connection connection, S3Retry retry)
{
    public S3StoreUri Uri => uri;

    public S3Connection Connection => connection;

    public S3Retry Retry => retry;

    public IAmazonS3 Client => connection.Client;

    public string Name => uri.Bucket;

    /// <summary>Where an object is, for messages.</summary>
    public string Target(string fullKey) => $"s3://{Name}/{fullKey}";

    /// <summary>Tags are ETags without quotes (and without a weak prefix), the form Ceph RGW compares.</summary>
    public static string Unquote(string etag)
    {
        var tag = etag.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
            tag = tag[2..];
        return tag.Trim('"');
    }

    public async Task EnsureExistsAsync(bool create, CancellationToken cancellationToken)
    {
        var target = $"s3://{Name}";
        var exists = await retry.RunAsync("bucket check", target, async ct =>
        {
            try
            {
                await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name, MaxKeys = 1, Prefix = uri.FullListPrefix("") }, ct);
                return true;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket" || S3Failure.IsNotFound(e))
            {
                return false;
            }
        }, cancellationToken);
        if (exists)
            return;
        if (!create)
            throw new InvalidInputException($"The bucket '{Name}' does not exist at {connection.Describe()}. Create it, or open the store with bucket creation on (--create-bucket).");
        await retry.RunAsync("bucket creation", target, async ct =>
        {
            try
            {
                await Client.PutBucketAsync(new PutBucketRequest { BucketName = Name }, ct);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
            {
                // Created concurrently, or by an earlier attempt whose answer was lost.
            }
        }, cancellationToken);
    }

    /// <summary>A stream over the object that survives dropped connections, or null when it does not exist.</summary>
    public async Task<Stream?> TryOpenReadAsync(string fullKey, CancellationToken cancellationToken)
    {
        var response = await retry.RunAsync("read", Target(fullKey), async ct =>
        {
            try
            {
                return await Client.GetObjectAsync(new GetObjectRequest { BucketName = Name, Key = fullKey }, ct);
            }
            catch (Exception e) when (S3Failure.IsNotFound(e))
            {
                return null;
            }
        }, cancellationToken);
        return response is null ? null : new S3ReadStream(this, fullKey, response);
    }

    /// <summary>Reads a whole object with its unquoted ETag and recorded lineage, or null when it does not exist.</summary>
    public Task<StoredObject?> ReadSmallAsync(string fullKey, string operation, CancellationToken cancellationToken) =>
        retry.RunAsync<StoredObject?>(operation, Target(fullKey), async ct =>
        {
            try
            {
                using var response = await Client.GetObjectAsync(new GetObjectRequest { BucketName = Name, Key = fullKey }, ct);
                var length = response.Headers.ContentLength;
                using var buffer = length is >= 0 and <= int.MaxValue ? new MemoryStream((int)length) : new MemoryStream();
                await response.ResponseStream.CopyToAsync(buffer, ct);
                // A connection cut mid-body must not pass for a short object.
                if (length >= 0 && buffer.Length != length)
                    throw new IOException($"The response ended after {buffer.Length} of {length} bytes.");
                var metadata = response.Metadata;
                var lineage = metadata is null ? WriteLineage.None : WriteLineage.Parse(
                    metadata[WriteLineage.WriteIdHeader], metadata[WriteLineage.HistoryHeader], metadata[WriteLineage.PreviousTagHeader]);
                return new StoredObject(buffer.ToArray(), Unquote(response.ETag ?? string.Empty), lineage);
            }
            catch (Exception e) when (S3Failure.IsNotFound(e))
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>An object's size and unquoted ETag, or null when it does not exist.</summary>
    public Task<(long Size, string Tag)?> HeadAsync(string fullKey, string operation, CancellationToken cancellationToken) =>
        retry.RunAsync<(long Size, string Tag)?>(operation, Target(fullKey), async ct =>
        {
            try
            {
                var response = await Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Name, Key = fullKey }, ct);
                return (response.Headers.ContentLength, Unquote(response.ETag ?? string.Empty));
            }
            catch (Exception e) when (S3Failure.IsNotFound(e))
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>Re-opens an object from <paramref name="offset"/>, only if it still has <paramref name="etag"/>.</summary>
    public Task<GetObjectResponse> ReopenAsync(string fullKey, long offset, long length, string etag, CancellationToken cancellationToken) =>
        retry.RunAsync("read", Target(fullKey), ct => Client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = Name,
            Key = fullKey,
            ByteRange = new ByteRange(offset, length - 1),
            EtagToMatch = etag,
        }, ct), cancellationToken);

    /// <summary>An unconditional PUT (last writer wins).</summary>
    public Task PutAsync(string fullKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        retry.RunAsync("write", Target(fullKey), async ct =>
        {
            using var body = new MemoryStream(content.ToArray(), writable: false);
            await Client.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = fullKey, InputStream = body, AutoCloseStream = false }, ct);
        }, cancellationToken);

    /// <summary>
    /// S3 has no "touch": the object is copied onto itself with replaced metadata, which gives it a new LastModified without
    /// sending its bytes. (A single copy is limited to 5 GB; larger objects fail with the server's message.)
    /// </summary>
    public Task<bool> TryRefreshAsync(string fullKey, CancellationToken cancellationToken) =>
        retry.RunAsync("refresh", Target(fullKey), async ct =>
        {
            try
            {
                var request = new CopyObjectRequest
                {
                    SourceBucket = Name,
                    SourceKey = fullKey,
                    DestinationBucket = Name,
                    DestinationKey = fullKey,
                    MetadataDirective = S3MetadataDirective.REPLACE,
                };
                request.Metadata.Add("mlops-refreshed", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                await Client.CopyObjectAsync(request, ct);
                return true;
            }
            catch (Exception e) when (S3Failure.IsNotFound(e))
            {
                return false;
            }
        }, cancellationToken);

    /// <summary>Deletes an object; deleting what is already gone succeeds (deleting is idempotent).</summary>
    public Task DeleteAsync(string fullKey, CancellationToken cancellationToken) =>
        retry.RunAsync("delete", Target(fullKey), async ct =>
        {
            try
            {
                await Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Name, Key = fullKey }, ct);
            }
            catch (Exception e) when (S3Failure.IsNotFound(e))
            {
                // Already gone.
            }
        }, cancellationToken);

    /// <summary>Lists the objects under a relative prefix, in key order, with keys relative to the store.</summary>
    /// <remarks>S3 lists in UTF-8 byte order, which is ordinal order for every key without characters beyond U+FFFF.</remarks>
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fullPrefix = uri.FullListPrefix(prefix);
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = Name, Prefix = fullPrefix, ContinuationToken = token };
            var page = await retry.RunAsync("listing", $"s3://{Name}/{fullPrefix}*", ct => Client.ListObjectsV2Async(request, ct), cancellationToken);
            // SDK v4 leaves unset collections null (an empty page has no S3Objects).
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new ObjectInfo(
                    uri.RelativeKey(item.Key),
                    item.Size ?? 0,
                    item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue);
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            if (page.IsTruncated == true && string.IsNullOrEmpty(token))
                throw new StorageException($"S3 listing of s3://{Name}/{fullPrefix}* at {connection.Describe()} returned a truncated page without a continuation token; the server's listing is broken.");
        }
        while (token is not null);
    }

    /// <summary>DELETE with a wrong If-Match: 412 means conditional deletes are honoured; success means ignored.</summary>
    public Task<bool> ProbeConditionalDeleteAsync(string fullKey, CancellationToken cancellationToken) =>
        retry.RunAsync("conditional-write probe", Target(fullKey), async ct =>
        {
            try
            {
                await Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Name, Key = fullKey, IfMatch = "00000000000000000000000000000000" }, ct);
                return false;
            }
            catch (Exception e) when (S3Failure.IsPreconditionFailed(e))
            {
                return true;
            }
        }, cancellationToken);
}
