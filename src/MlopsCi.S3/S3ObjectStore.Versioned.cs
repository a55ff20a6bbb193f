using System.Security.Cryptography;
using Amazon.S3.Model;
using MlopsCi.Core.Storage;
using MlopsCi.S3.Internal;

namespace MlopsCi.S3;

public sealed partial class S3ObjectStore
{
    /// <inheritdoc />
    public async Task<VersionedObject?> TryReadVersionedAsync(string key, CancellationToken cancellationToken)
    {
        var fullKey = FullKey(key);
        var read = await ReadSmallAsync(fullKey, "versioned read", cancellationToken);
        return read is null ? null : new VersionedObject(read.Content, read.Tag);
    }

    /// <inheritdoc />
    public Task<bool> TryWriteVersionedAsync(string key, ReadOnlyMemory<byte> content, string? expectedTag, CancellationToken cancellationToken) =>
        ConditionalPutAsync(FullKey(key), content, expectedTag is null ? null : Unquote(expectedTag), _support.QuoteIfMatch, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryDeleteVersionedAsync(string key, string expectedTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedTag);
        var fullKey = FullKey(key);
        var tag = Unquote(expectedTag);
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
            catch (Exception e) when (S3Failure.IsTransient(e, cancellationToken) && S3Failure.IsAmbiguous(e))
            {
                if (attempt >= _retry.MaxAttempts)
                    throw _retry.Fail("versioned delete", Target(fullKey), e, attempt);
                ambiguous = true;
                var current = await HeadAsync(fullKey, "versioned delete", cancellationToken);
                if (current is null)
                    return true;
                if (current.Value.Tag != tag)
                    return false;
                await _retry.DelayAsync(attempt, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!S3Failure.IsTransient(e, cancellationToken) || attempt >= _retry.MaxAttempts)
                    throw _retry.Fail("versioned delete", Target(fullKey), e, attempt);
                await _retry.DelayAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A single-PUT write conditioned on the current ETag (<paramref name="expectedTag"/>) or on absence (null).
    /// True when the object now holds <paramref name="content"/> because of this call; false when the condition failed.
    /// A failure that may or may not have been applied (5xx, timeout, reset — some servers also answer 500 to the
    /// losers of a race) is resolved by reading the object back: our content — or a newer version whose recorded
    /// predecessor is our content's ETag (another writer already built on our write) — means we won; the expected
    /// state unchanged means nothing happened and we try again; anything else means another writer won.
    /// </summary>
    internal async Task<bool> ConditionalPutAsync(string fullKey, ReadOnlyMemory<byte> content, string? expectedTag, bool quoteIfMatch, CancellationToken cancellationToken)
    {
        const string Operation = "conditional write";
        var ambiguous = false;
        var ourTag = Convert.ToHexStringLower(MD5.HashData(content.Span));
        var md5 = Convert.ToBase64String(MD5.HashData(content.Span));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var body = new MemoryStream(content.ToArray(), writable: false);
                var request = new PutObjectRequest { BucketName = Bucket, Key = fullKey, InputStream = body, AutoCloseStream = false, MD5Digest = md5 };
                request.Metadata.Add(PreviousTagMetadata, expectedTag ?? "none");
                if (expectedTag is null)
                    request.IfNoneMatch = "*";
                else
                    request.IfMatch = IfMatchValue(expectedTag, quoteIfMatch);
                await Client.PutObjectAsync(request, cancellationToken);
                return true;
            }
            catch (Exception e) when (S3Failure.IsPreconditionFailed(e) || S3Failure.IsConflict(e) || (expectedTag is not null && S3Failure.IsNotFound(e)))
            {
                if (!ambiguous)
                    return false;
                return IsOurs(await ReadSmallAsync(fullKey, Operation, cancellationToken), content.Span, ourTag);
            }
            catch (Exception e) when (S3Failure.IsTransient(e, cancellationToken))
            {
                if (attempt >= _retry.MaxAttempts)
                    throw _retry.Fail(Operation, Target(fullKey), e, attempt);
                if (S3Failure.IsAmbiguous(e))
                {
                    ambiguous = true;
                    var current = await ReadSmallAsync(fullKey, Operation, cancellationToken);
                    if (IsOurs(current, content.Span, ourTag))
                        return true;
                    var unchanged = expectedTag is null ? current is null : current?.Tag == expectedTag;
                    if (!unchanged)
                        return false;
                }

                await _retry.DelayAsync(attempt, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw _retry.Fail(Operation, Target(fullKey), e, attempt);
            }
        }
    }

    private static bool IsOurs(StoredObject? current, ReadOnlySpan<byte> content, string ourTag) =>
        current is not null
        && (current.Content.AsSpan().SequenceEqual(content) || string.Equals(current.PreviousTag, ourTag, StringComparison.OrdinalIgnoreCase));

    private static string IfMatchValue(string tag, bool quote) => quote ? $"\"{tag}\"" : tag;

    /// <summary>Tags are ETags without quotes (and without a weak prefix), the form Ceph RGW compares.</summary>
    internal static string Unquote(string etag)
    {
        var tag = etag.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
            tag = tag[2..];
        return tag.Trim('"');
    }
}
