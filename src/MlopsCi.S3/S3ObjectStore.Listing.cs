using System.Runtime.CompilerServices;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.S3;

public sealed partial class S3ObjectStore
{
    /// <inheritdoc />
    /// <remarks>S3 lists in UTF-8 byte order, which is ordinal order for every key without characters beyond U+FFFF.</remarks>
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.StartsWith('/'))
            throw new InvalidInputException($"The list prefix '{prefix}' is not valid in {Location}: prefixes are relative.");
        var fullPrefix = _uri.FullListPrefix(prefix);
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = fullPrefix, ContinuationToken = token };
            var page = await _retry.RunAsync("listing", $"s3://{Bucket}/{fullPrefix}*", ct => Client.ListObjectsV2Async(request, ct), cancellationToken);
            // SDK v4 leaves unset collections null (an empty page has no S3Objects).
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new ObjectInfo(
                    _uri.RelativeKey(item.Key),
                    item.Size ?? 0,
                    item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue);
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            if (page.IsTruncated == true && string.IsNullOrEmpty(token))
                throw new StorageException($"S3 listing of s3://{Bucket}/{fullPrefix}* at {_connection.Describe()} returned a truncated page without a continuation token; the server's listing is broken.");
        }
        while (token is not null);
    }
}
