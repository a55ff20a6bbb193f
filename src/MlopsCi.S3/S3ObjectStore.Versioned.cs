using System.Collections.Concurrent;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.S3.Internal;

namespace MlopsCi.S3;

public sealed partial class S3ObjectStore
{
    /// <summary>The lineage of the version of each key this store last read or wrote, to extend it on the next write.</summary>
    private readonly ConcurrentDictionary<string, (string Tag, WriteLineage Lineage)> _lineages = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<VersionedObject?> TryReadVersionedAsync(string key, CancellationToken cancellationToken)
    {
        var fullKey = FullKey(key);
        var read = await ReadSmallAsync(fullKey, "versioned read", cancellationToken);
        if (read is null)
            return null;
        _lineages[fullKey] = (read.Tag, read.Lineage);
        return new VersionedObject(read.Content, read.Tag);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Throws <see cref="StorageException"/> when a request failed in a way that may have applied it (timeout, reset,
    /// 5xx) and later writers changed the object so much that whether this write landed cannot be told.
    /// </remarks>
    public Task<bool> TryWriteVersionedAsync(string key, ReadOnlyMemory<byte> content, string? expectedTag, CancellationToken cancellationToken) =>
        ConditionalPutAsync(FullKey(key), content, expectedTag is null ? null : Unquote(expectedTag), _support.QuoteIfMatch, verifyConflicts: true, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryDeleteVersionedAsync(string key, string expectedTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedTag);
        var fullKey = FullKey(key);
        var tag = Unquote(expectedTag);
        _lineages.TryRemove(fullKey, out _);
        if (!_support.ConditionalDelete)
        {
            // This server ignores If-Match on DELETE (Ceph RGW before Squid): compare, then delete. A write that lands
            // between the two is lost; refs are deleted rarely (closed pull requests), so this window is accepted.
            var current = await HeadAsync(fullKey, "versioned delete", cancellationToken);
            if (current is null || current.Value.Tag != tag)
                return false;
            await DeleteFullKeyAsync(fullKey, cancellationToken);
            return true;
        }

        var ambiguous = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = fullKey, IfMatch = IfMatchValue(tag, _support.QuoteIfMatch) }, cancellationToken);
                return true;
            }
            catch (Exception e) when (S3Failure.IsPreconditionFailed(e) || S3Failure.IsConflict(e) || S3Failure.IsNotFound(e))
            {
                return ambiguous && await HeadAsync(fullKey, "versioned delete", cancellationToken) is null;
            }
            catch (Exception e) when (S3Failure.IsTransient(e, cancellationToken))
            {
                if (attempt >= _retry.MaxAttempts)
                    throw _retry.Fail("versioned delete", Target(fullKey), e, attempt);
                if (S3Failure.IsAmbiguous(e))
                {
                    ambiguous = true;
                    var current = await HeadAsync(fullKey, "versioned delete", cancellationToken);
                    if (current is null)
                        return true;
                    if (current.Value.Tag != tag)
                        return false;
                }

                await _retry.DelayAsync(attempt, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw _retry.Fail("versioned delete", Target(fullKey), e, attempt);
            }
        }
    }

    /// <summary>Tags are ETags without quotes (and without a weak prefix), the form Ceph RGW compares.</summary>
    internal static string Unquote(string etag)
    {
        var tag = etag.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
            tag = tag[2..];
        return tag.Trim('"');
    }

    private static string IfMatchValue(string tag, bool quote) => quote ? $"\"{tag}\"" : tag;
}
