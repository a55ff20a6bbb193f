using System.Collections.Concurrent;
using System.Text;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>
/// Proves, once per process and server, that conditional writes are enforced: branches move only by compare-and-swap,
/// and on a server that ignores If-None-Match / If-Match concurrent writers would silently lose commits. Also learns
/// whether If-Match wants a quoted ETag and whether DELETE honours If-Match.
/// </summary>
internal static class ConditionalWriteProbe
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ConditionalWriteSupport>>> Cache = new(StringComparer.Ordinal);

    public static async Task<ConditionalWriteSupport> GetAsync(S3ObjectStore store, CancellationToken cancellationToken)
    {
        var key = store.ServerIdentity;
        var entry = Cache.GetOrAdd(key, _ => new Lazy<Task<ConditionalWriteSupport>>(() => RunAsync(store, CancellationToken.None)));
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

    private static async Task<ConditionalWriteSupport> RunAsync(S3ObjectStore store, CancellationToken cancellationToken)
    {
        var probeKey = store.Uri.FullKey($"_mlops/probe/{Guid.NewGuid():N}");
        var target = $"s3://{store.Uri.Bucket}/{probeKey}";
        try
        {
            byte[] first = Encoding.UTF8.GetBytes($"probe {Guid.NewGuid():N}");
            if (!await store.ConditionalPutAsync(probeKey, first, expectedTag: null, quoteIfMatch: false, verifyConflicts: true, cancellationToken))
                throw Refuse(store, target, "answered 412 Precondition Failed to If-None-Match: * on a key that did not exist");
            if (await store.ConditionalPutAsync(probeKey, Encoding.UTF8.GetBytes("second create"), expectedTag: null, quoteIfMatch: false, verifyConflicts: true, cancellationToken))
                throw Refuse(store, target, "ignored If-None-Match: * (it overwrote an existing object instead of answering 412 Precondition Failed)");
            var tag = (await store.TryReadProbeTagAsync(probeKey, cancellationToken))
                ?? throw Refuse(store, target, "lost the object written a moment before");
            if (await store.ConditionalPutAsync(probeKey, Encoding.UTF8.GetBytes("stale update"), expectedTag: "00000000000000000000000000000000", quoteIfMatch: false, verifyConflicts: true, cancellationToken))
                throw Refuse(store, target, "ignored If-Match (it overwrote an object whose ETag did not match instead of answering 412 Precondition Failed)");
            var quote = false;
            if (!await store.ConditionalPutAsync(probeKey, Encoding.UTF8.GetBytes("update unquoted"), tag, quoteIfMatch: false, verifyConflicts: true, cancellationToken))
            {
                quote = true;
                if (!await store.ConditionalPutAsync(probeKey, Encoding.UTF8.GetBytes("update quoted"), tag, quoteIfMatch: true, verifyConflicts: true, cancellationToken))
                    throw Refuse(store, target, "refused If-Match with the object's current ETag, quoted or not");
            }

            var conditionalDelete = await store.ProbeConditionalDeleteAsync(probeKey, cancellationToken);
            return new ConditionalWriteSupport(quote, conditionalDelete);
        }
        finally
        {
            await store.DeleteProbeQuietlyAsync(probeKey);
        }
    }

    private static OperationFailedException Refuse(S3ObjectStore store, string target, string what) =>
        new($"The S3 server at {store.ServerDescription} (store {store.Location}) does not enforce conditional writes: probing {target}, it {what}. "
            + "MlopsCi moves branches only by compare-and-swap (conditional PUT); on this server concurrent writers would silently lose commits, so the store is refused. "
            + "Use a server that enforces If-None-Match and If-Match on PUT (AWS S3, Ceph RGW, MinIO) or a local-folder store.");
}
