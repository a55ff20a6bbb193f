using System.Collections.Concurrent;
using System.Text;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.S3.Internal;

/// <summary>
/// Proves, once per process and server, that conditional writes are enforced: branches move only by compare-and-swap,
/// and on a server that ignores If-None-Match / If-Match concurrent writers would silently lose commits. Also learns
/// whether If-Match wants a quoted ETag and whether DELETE honours If-Match.
/// </summary>
internal static class ConditionalWriteProbe
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ConditionalWriteSupport>>> Cache = new(StringComparer.Ordinal);

    public static async Task<ConditionalWriteSupport> GetAsync(BucketRequests bucket, S3ConditionalWriter writer, CancellationToken cancellationToken)
    {
        // Once per server and bucket.
        var key = $"{bucket.Connection.Describe()}|{bucket.Name}";
        var entry = Cache.GetOrAdd(key, _ => new Lazy<Task<ConditionalWriteSupport>>(() => RunAsync(bucket, writer, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationFailedException || e is StorageException)
        {
            // A network failure says nothing about the server: forget it so the next open probes again.
            // A refusal (OperationFailedException) stays cached.
            Cache.TryRemove(new KeyValuePair<string, Lazy<Task<ConditionalWriteSupport>>>(key, entry));
            throw;
        }
    }

    internal static void ForgetAll() => Cache.Clear();

    private static async Task<ConditionalWriteSupport> RunAsync(BucketRequests bucket, S3ConditionalWriter writer, CancellationToken cancellationToken)
    {
        var probeKey = bucket.Uri.FullKey($"{StoreLayout.Probes}{Guid.NewGuid():N}");
        var target = bucket.Target(probeKey);
        try
        {
            byte[] first = Encoding.UTF8.GetBytes($"probe {Guid.NewGuid():N}");
            if (!await writer.PutAsync(probeKey, first, expectedTag: null, quoteIfMatch: false, verifyConflicts: true, cancellationToken))
                throw Refuse(bucket, target, "answered 412 Precondition Failed to If-None-Match: * on a key that did not exist");
            if (await writer.PutAsync(probeKey, Encoding.UTF8.GetBytes("second create"), expectedTag: null, quoteIfMatch: false, verifyConflicts: true, cancellationToken))
                throw Refuse(bucket, target, "ignored If-None-Match: * (it overwrote an existing object instead of answering 412 Precondition Failed)");
            var tag = (await bucket.HeadAsync(probeKey, "conditional-write probe", cancellationToken))?.Tag
                ?? throw Refuse(bucket, target, "lost the object written a moment before");
            if (await writer.PutAsync(probeKey, Encoding.UTF8.GetBytes("stale update"), expectedTag: "00000000000000000000000000000000", quoteIfMatch: false, verifyConflicts: true, cancellationToken))
                throw Refuse(bucket, target, "ignored If-Match (it overwrote an object whose ETag did not match instead of answering 412 Precondition Failed)");
            var quote = false;
            if (!await writer.PutAsync(probeKey, Encoding.UTF8.GetBytes("update unquoted"), tag, quoteIfMatch: false, verifyConflicts: true, cancellationToken))
            {
                quote = true;
                if (!await writer.PutAsync(probeKey, Encoding.UTF8.GetBytes("update quoted"), tag, quoteIfMatch: true, verifyConflicts: true, cancellationToken))
                    throw Refuse(bucket, target, "refused If-Match with the object's current ETag, quoted or not");
            }

            var conditionalDelete = await bucket.ProbeConditionalDeleteAsync(probeKey, cancellationToken);
            return new ConditionalWriteSupport(quote, conditionalDelete);
        }
        finally
        {
            await DeleteQuietlyAsync(bucket, probeKey);
        }
    }

    private static async Task DeleteQuietlyAsync(BucketRequests bucket, string probeKey)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await bucket.DeleteAsync(probeKey, timeout.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A leftover probe object under _mlops/probe/ is harmless.
        }
    }

    private static OperationFailedException Refuse(BucketRequests bucket, string target, string what) =>
        new($"The S3 server at {bucket.Connection.Describe()} (store {bucket.Uri}) does not enforce conditional writes: probing {target}, it {what}. "
            + "MlopsCi moves branches only by compare-and-swap (conditional PUT); on this server concurrent writers would silently lose commits, so the store is refused. "
            + "Use a server that enforces If-None-Match and If-Match on PUT (AWS S3, Ceph RGW, MinIO) or a local-folder store.");
}
