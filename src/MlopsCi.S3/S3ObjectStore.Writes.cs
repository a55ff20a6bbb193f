using Amazon.S3.Model;
using MlopsCi.S3.Internal;

namespace MlopsCi.S3;

public sealed partial class S3ObjectStore
{
    /// <inheritdoc />
    public Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        ConditionalPutAsync(FullKey(key), content, expectedTag: null, _support.QuoteIfMatch, verifyConflicts: false, cancellationToken);

    /// <inheritdoc />
    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var fullKey = FullKey(key);
        return _retry.RunAsync("write", Target(fullKey), async ct =>
        {
            using var body = new MemoryStream(content.ToArray(), writable: false);
            await Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = fullKey, InputStream = body, AutoCloseStream = false }, ct);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// S3 has no "touch": the object is copied onto itself with replaced metadata, which gives it a new LastModified without
    /// sending its bytes. (A single copy is limited to 5 GB; larger objects fail with the server's message.)
    /// </remarks>
    public Task<bool> TryRefreshAsync(string key, CancellationToken cancellationToken)
    {
        var fullKey = FullKey(key);
        return _retry.RunAsync("refresh", Target(fullKey), async ct =>
        {
            try
            {
                var request = new CopyObjectRequest
                {
                    SourceBucket = Bucket,
                    SourceKey = fullKey,
                    DestinationBucket = Bucket,
                    DestinationKey = fullKey,
                    MetadataDirective = Amazon.S3.S3MetadataDirective.REPLACE,
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
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken) => DeleteFullKeyAsync(FullKey(key), cancellationToken);

    private Task DeleteFullKeyAsync(string fullKey, CancellationToken cancellationToken) =>
        _retry.RunAsync("delete", Target(fullKey), async ct =>
        {
            try
            {
                await Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = fullKey }, ct);
            }
            catch (Exception e) when (S3Failure.IsNotFound(e))
            {
                // Already gone: deleting is idempotent.
            }
        }, cancellationToken);
}
