using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>
/// Compare-and-swap on S3: conditional PUT (If-None-Match / If-Match) and conditional DELETE, made safe against lost
/// answers and re-sent requests by reading back and checking the <see cref="WriteLineage"/> each write records.
/// Remembers the lineage of the version of each key it last read or wrote, to extend it on the next write.
/// </summary>
internal sealed class S3ConditionalWriter(BucketRequests bucket)
{
    private readonly ConcurrentDictionary<string, (string Tag, WriteLineage Lineage)> _lineages = new(StringComparer.Ordinal);

    /// <summary>Reads a small object and remembers its lineage for the next conditional write of it.</summary>
    public async Task<StoredObject?> ReadAsync(string fullKey, CancellationToken cancellationToken)
    {
        var read = await bucket.ReadSmallAsync(fullKey, "versioned read", cancellationToken);
        if (read is not null)
            _lineages[fullKey] = (read.Tag, read.Lineage);
        return read;
    }

    private enum Outcome
    {
        Ours,
        NotOurs,
        Unchanged,
        Unknown,
    }

    /// <summary>
    /// A single-PUT write conditioned on the current ETag (<paramref name="expectedTag"/>) or on absence (null).
    /// True when the object now holds <paramref name="content"/> because of this call; false when the condition failed.
    /// A failure that may or may not have been applied (5xx, timeout, reset — some servers also answer 500 to the
    /// losers of a race — or a request the HTTP stack silently re-sent) is resolved by reading the object back and
    /// checking its content and its recorded lineage (<see cref="WriteLineage"/>): ours, or built on ours, means we won;
    /// the expected state unchanged means nothing happened and we try again; a lineage that shows another writer
    /// replaced the expected version means we lost; anything else cannot be told and throws <see cref="StorageException"/>.
    /// With <paramref name="verifyConflicts"/> every 409/412 is checked that way too.
    /// </summary>
    public async Task<bool> PutAsync(
        string fullKey, ReadOnlyMemory<byte> content, string? expectedTag, bool quoteIfMatch, bool verifyConflicts, CancellationToken cancellationToken)
    {
        const string Operation = "conditional write";
        var bytes = content.ToArray();
        var md5 = Convert.ToBase64String(MD5.HashData(bytes));
        var writeId = Guid.NewGuid().ToString("N");
        var replaced = expectedTag is not null && _lineages.TryGetValue(fullKey, out var known) && known.Tag == expectedTag ? known.Lineage : null;
        var lineage = WriteLineage.Next(writeId, expectedTag, replaced);
        var ambiguous = false;
        Exception? lastFailure = null;
        for (var attempt = 1; ; attempt++)
        {
            using var body = new HashingReadStream(new MemoryStream(bytes, writable: false), bytes.Length);
            try
            {
                var request = new PutObjectRequest { BucketName = bucket.Name, Key = fullKey, InputStream = body, AutoCloseStream = false, MD5Digest = md5 };
                request.Metadata.Add(WriteLineage.WriteIdHeader, writeId);
                request.Metadata.Add(WriteLineage.HistoryHeader, lineage.HistoryValue);
                request.Metadata.Add(WriteLineage.PreviousTagHeader, expectedTag ?? "none");
                if (expectedTag is null)
                    request.IfNoneMatch = "*";
                else
                    request.IfMatch = IfMatchValue(expectedTag, quoteIfMatch);
                var response = await bucket.Client.PutObjectAsync(request, cancellationToken);
                _lineages[fullKey] = (BucketRequests.Unquote(response.ETag ?? string.Empty), lineage);
                return true;
            }
            catch (Exception e) when (S3Failure.IsPreconditionFailed(e) || S3Failure.IsConflict(e) || (expectedTag is not null && S3Failure.IsNotFound(e)))
            {
                // A rewound body means the HTTP stack re-sent the request: the first copy may be what failed the condition.
                ambiguous |= body.Rewinds > 0;
                if (!ambiguous && !verifyConflicts)
                    return false;
                switch (await ResolveAsync(fullKey, bytes, writeId, expectedTag, replaced, cancellationToken))
                {
                    case Outcome.Ours:
                        return true;
                    case Outcome.Unknown when ambiguous:
                        throw UnknownOutcome(fullKey, lastFailure ?? e);
                    case Outcome.Unchanged when attempt < bucket.Retry.MaxAttempts:
                        // Refused, yet the expected version is current again: the refusal raced another write; try again.
                        await bucket.Retry.DelayAsync(attempt, cancellationToken);
                        continue;
                    default:
                        return false;
                }
            }
            catch (Exception e) when (S3Failure.IsTransient(e, cancellationToken))
            {
                var last = attempt >= bucket.Retry.MaxAttempts;
                if (last && !ambiguous && !S3Failure.IsAmbiguous(e) && body.Rewinds == 0)
                    throw bucket.Retry.Fail(Operation, bucket.Target(fullKey), e, attempt);
                if (S3Failure.IsAmbiguous(e) || body.Rewinds > 0 || last)
                {
                    ambiguous = true;
                    lastFailure = e;
                    switch (await (last ? TryResolveAsync(fullKey, bytes, writeId, expectedTag, replaced, cancellationToken) : ResolveAsync(fullKey, bytes, writeId, expectedTag, replaced, cancellationToken)))
                    {
                        case Outcome.Ours:
                            return true;
                        case Outcome.NotOurs:
                            return false;
                        case Outcome.Unknown:
                        case Outcome.Unchanged when last:
                            throw UnknownOutcome(fullKey, e);
                    }
                }

                await bucket.Retry.DelayAsync(attempt, cancellationToken);
            }
            catch (Exception e) when (e is not MlopsException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
            {
                throw bucket.Retry.Fail(Operation, bucket.Target(fullKey), e, attempt);
            }
        }
    }

    /// <summary><see cref="ResolveAsync"/> after the last attempt: a failed read-back is <see cref="Outcome.Unknown"/>, not a second error hiding the first.</summary>
    private async Task<Outcome> TryResolveAsync(
        string fullKey, byte[] content, string writeId, string? expectedTag, WriteLineage? replaced, CancellationToken cancellationToken)
    {
        try
        {
            return await ResolveAsync(fullKey, content, writeId, expectedTag, replaced, cancellationToken);
        }
        catch (MlopsException)
        {
            return Outcome.Unknown;
        }
    }

    /// <summary>Reads the object back to learn what became of a write whose answer was lost or refused.</summary>
    private async Task<Outcome> ResolveAsync(
        string fullKey, byte[] content, string writeId, string? expectedTag, WriteLineage? replaced, CancellationToken cancellationToken)
    {
        var current = await bucket.ReadSmallAsync(fullKey, "conditional write", cancellationToken);
        if (current is null)
            return expectedTag is null ? Outcome.Unchanged : Outcome.Unknown;
        _lineages[fullKey] = (current.Tag, current.Lineage);
        var lineage = current.Lineage;
        if (current.Content.AsSpan().SequenceEqual(content) || lineage.Includes(writeId))
            return Outcome.Ours;
        if (expectedTag is not null && current.Tag == expectedTag)
            return Outcome.Unchanged;
        // Only one write can replace a given version: if the lineage shows who replaced ours-to-replace, it was not us.
        if (expectedTag is not null && (lineage.PreviousTag == expectedTag || (replaced?.WriteId is { } expectedId && lineage.IndexOf(expectedId) >= 1)))
            return Outcome.NotOurs;
        // A lineage known back to the creation that does not contain this write never contained it.
        return lineage.Complete ? Outcome.NotOurs : Outcome.Unknown;
    }

    private StorageException UnknownOutcome(string fullKey, Exception failure) =>
        new($"S3 conditional write of {bucket.Target(fullKey)} at {bucket.Connection.Describe()} failed ({S3Failure.Describe(failure, bucket.Connection.Redactor)}) in a way that may or may not have applied it, "
            + "and reading it back could not tell (it may still land, or other writers changed it since). Read the object again and decide from its content.",
            failure);

    /// <summary>Deletes the object only while it still has <paramref name="tag"/> (unquoted); false when it changed or is gone.</summary>
    public async Task<bool> TryDeleteAsync(string fullKey, string tag, ConditionalWriteSupport support, CancellationToken cancellationToken)
    {
        _lineages.TryRemove(fullKey, out _);
        if (!support.ConditionalDelete)
        {
            // This server ignores If-Match on DELETE (Ceph RGW before Squid): compare, then delete. A write that lands
            // between the two is lost; refs are deleted rarely (closed pull requests), so this window is accepted.
            var current = await bucket.HeadAsync(fullKey, "versioned delete", cancellationToken);
            if (current is null || current.Value.Tag != tag)
                return false;
            await bucket.DeleteAsync(fullKey, cancellationToken);
            return true;
        }

        var ambiguous = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await bucket.Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket.Name, Key = fullKey, IfMatch = IfMatchValue(tag, support.QuoteIfMatch) }, cancellationToken);
                return true;
            }
            catch (Exception e) when (S3Failure.IsPreconditionFailed(e) || S3Failure.IsConflict(e) || S3Failure.IsNotFound(e))
            {
                return ambiguous && await bucket.HeadAsync(fullKey, "versioned delete", cancellationToken) is null;
            }
            catch (Exception e) when (S3Failure.IsTransient(e, cancellationToken))
            {
                if (attempt >= bucket.Retry.MaxAttempts)
                    throw bucket.Retry.Fail("versioned delete", bucket.Target(fullKey), e, attempt);
                if (S3Failure.IsAmbiguous(e))
                {
                    ambiguous = true;
                    var current = await bucket.HeadAsync(fullKey, "versioned delete", cancellationToken);
                    if (current is null)
                        return true;
                    if (current.Value.Tag != tag)
                        return false;
                }

                await bucket.Retry.DelayAsync(attempt, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw bucket.Retry.Fail("versioned delete", bucket.Target(fullKey), e, attempt);
            }
        }
    }

    private static string IfMatchValue(string tag, bool quote) => quote ? $"\"{tag}\"" : tag;
}
