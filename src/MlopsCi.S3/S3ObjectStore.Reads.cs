using Amazon.S3.Model;
using MlopsCi.S3.Internal;

namespace MlopsCi.S3;

public sealed partial class S3ObjectStore
{
    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        await HeadAsync(FullKey(key), "existence check", cancellationToken) is not null;

    /// <inheritdoc />
    public async Task<byte[]?> TryReadAllAsync(string key, CancellationToken cancellationToken) =>
        (await ReadSmallAsync(FullKey(key), "read", cancellationToken))?.Content;

    /// <inheritdoc />
    public async Task<Stream?> TryOpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var fullKey = FullKey(key);
        var response = await _retry.RunAsync("read", Target(fullKey), async ct =>
        {
            try
            {
                return await Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = fullKey }, ct);
            }
            catch (Exception e) when (S3Failure.IsNotFound(e))
            {
                return null;
            }
        }, cancellationToken);
        return response is null ? null : new S3ReadStream(this, fullKey, response);
    }

    /// <summary>Reads a whole object with its unquoted ETag, or null when it does not exist.</summary>
    private Task<StoredObject?> ReadSmallAsync(string fullKey, string operation, CancellationToken cancellationToken) =>
        _retry.RunAsync<StoredObject?>(operation, Target(fullKey), async ct =>
        {
            try
            {
                using var response = await Client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = fullKey }, ct);
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
    private Task<(long Size, string Tag)?> HeadAsync(string fullKey, string operation, CancellationToken cancellationToken) =>
        _retry.RunAsync<(long Size, string Tag)?>(operation, Target(fullKey), async ct =>
        {
            try
            {
                var response = await Client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = fullKey }, ct);
                return (response.Headers.ContentLength, Unquote(response.ETag ?? string.Empty));
            }
            catch (Exception e) when (S3Failure.IsNotFound(e))
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>Re-opens an object from <paramref name="offset"/>, only if it still has <paramref name="etag"/>.</summary>
    internal Task<GetObjectResponse> ReopenAsync(string fullKey, long offset, long length, string etag, CancellationToken cancellationToken) =>
        _retry.RunAsync("read", Target(fullKey), ct => Client.GetObjectAsync(new GetObjectRequest
        {
            BucketName = Bucket,
            Key = fullKey,
            ByteRange = new ByteRange(offset, length - 1),
            EtagToMatch = etag,
        }, ct), cancellationToken);

    internal S3Retry Retry => _retry;

    internal string TargetOf(string fullKey) => Target(fullKey);
}
