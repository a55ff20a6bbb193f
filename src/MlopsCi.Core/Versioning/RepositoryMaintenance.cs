using System.Collections.Concurrent;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Keeping a repository healthy: fsck (everything reachable hashes to its address), repair (re-write damaged blobs from a
/// folder holding their content) and gc (remove what no ref reaches, without racing in-flight commits).
/// </summary>
internal sealed class RepositoryMaintenance(IObjectStore store, IRefStore refs, TimeProvider time)
{
    /// <summary>Verifies every object reachable from a branch or tag hashes to its address.</summary>
    public async Task<FsckReport> FsckAsync(IProgressSink progress, CancellationToken cancellationToken) =>
        (await CheckAsync(progress, cancellationToken)).Report;

    /// <summary>Re-writes every missing or corrupt blob whose content is in <paramref name="folder"/>, then verifies again.</summary>
    public async Task<(long Repaired, FsckReport After)> RepairAsync(string folder, IProgressSink progress, CancellationToken cancellationToken)
    {
        var (_, bad) = await CheckAsync(progress, cancellationToken);
        long repaired = 0;
        if (bad.Count > 0)
        {
            var scan = FolderScanner.Scan(folder, "");
            var options = new ParallelOptions { MaxDegreeOfParallelism = store.TransferParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(scan.Files, options, async (file, ct) =>
            {
                var hash = await Hashing.Sha256FileAsync(file.FullPath, ct);
                if (!bad.TryRemove(hash, out _))
                    return;
                // The corrupt copy goes first: put-if-absent never replaces an object.
                await store.DeleteAsync(StoreLayout.BlobKey(hash), ct);
                await store.PutFileIfAbsentAsync(StoreLayout.BlobKey(hash), file.FullPath, hash, ct);
                Interlocked.Increment(ref repaired);
            });
        }

        return (repaired, await FsckAsync(progress, cancellationToken));
    }

    private async Task<(FsckReport Report, ConcurrentDictionary<string, byte> BadBlobs)> CheckAsync(IProgressSink progress, CancellationToken cancellationToken)
    {
        var bad = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var problems = new ConcurrentBag<string>();
        var reach = await ReachableObjects.MarkAsync(store, refs, problems, verify: true, cancellationToken);
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = store.TransferParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(reach.Blobs, options, async (blob, ct) =>
        {
            var key = StoreLayout.BlobKey(blob.Key);
            var stream = await store.TryOpenReadAsync(key, ct);
            if (stream is null)
            {
                problems.Add($"missing blob {key} (used by {blob.Value})");
                bad.TryAdd(blob.Key, 0);
            }
            else
            {
                await using (stream)
                {
                    if (await Hashing.Sha256HexAsync(stream, ct) != blob.Key)
                    {
                        problems.Add($"corrupt blob {key} (used by {blob.Value})");
                        bad.TryAdd(blob.Key, 0);
                    }
                }
            }

            progress.Report("blobs", Interlocked.Increment(ref done), reach.Blobs.Count);
        });
        return (new FsckReport(reach.Commits.Count, reach.Metaranges.Count, reach.Ranges.Count, reach.Blobs.Count, [.. problems.Order(StringComparer.Ordinal)]), bad);
    }

    /// <summary>
    /// Removes what no branch or tag reaches and is older than the grace and the oldest in-flight commit (see
    /// <see cref="GcCoordination"/>), then temporary files of killed writers and expired leases.
    /// </summary>
    public async Task<GcReport> GcAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await using var announcement = await GcAnnouncement.StartAsync(store, cancellationToken);
        var (cutoff, expiredLeases) = await GcCutoffAsync(grace, cancellationToken);
        var problems = new ConcurrentBag<string>();
        var reach = await ReachableObjects.MarkAsync(store, refs, problems, verify: false, cancellationToken);
        if (!problems.IsEmpty)
            throw new CorruptionException($"gc stopped before deleting anything: the repository has problems ({problems.First()}). Run 'mlops data fsck'.", [.. problems]);
        var reachable = reach.Keys();
        long removed = 0, young = 0, bytes = 0;
        foreach (var prefix in StoreLayout.Collected)
        {
            await foreach (var info in store.ListAsync(prefix, cancellationToken))
            {
                if (reachable.Contains(info.Key))
                    continue;
                if (info.LastModified >= cutoff)
                {
                    young++;
                    continue;
                }

                await store.DeleteAsync(info.Key, cancellationToken);
                removed++;
                bytes += info.Size;
            }
        }

        var temporary = store is IFolderBackedStore local ? local.RemoveTemporaryFiles(cutoff) : (0, 0);
        foreach (var lease in expiredLeases)
            await store.DeleteAsync(lease, cancellationToken);
        return new GcReport(reachable.Count, removed, young, bytes) { TemporaryFilesRemoved = temporary.Files, TemporaryBytesRemoved = temporary.Bytes };
    }

    /// <summary>
    /// The age below which nothing is removed: the grace measured back from the store's clock (the time it gave this run's
    /// announcement), or the start of the oldest live commit lease if earlier. Read after the announcement, before the mark.
    /// </summary>
    private async Task<(DateTimeOffset Cutoff, List<string> ExpiredLeases)> GcCutoffAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var leases = new List<ObjectInfo>();
        DateTimeOffset? now = null;
        await foreach (var info in store.ListAsync(GcCoordination.LeasePrefix, cancellationToken))
        {
            if (info.Key == GcCoordination.GcStateKey)
                now = info.LastModified;
            else if (info.Key.StartsWith(GcCoordination.CommitLeasePrefix, StringComparison.Ordinal))
                leases.Add(info);
        }

        var storeNow = now ?? time.GetUtcNow();
        var cutoff = storeNow - grace;
        var expired = new List<string>();
        foreach (var lease in leases)
        {
            if (storeNow - lease.LastModified > GcCoordination.LeaseLifetime)
                expired.Add(lease.Key);
            else if (lease.LastModified < cutoff)
                cutoff = lease.LastModified;
        }

        return (cutoff, expired);
    }
}
