using System.Collections.Concurrent;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>What fsck found: objects checked and every problem (key and, for blobs, the paths that use it).</summary>
public sealed record FsckReport(long Commits, long Metaranges, long Ranges, long Blobs, IReadOnlyList<string> Problems)
{
    /// <summary>Whether everything reachable verified.</summary>
    public bool Clean => Problems.Count == 0;
}

/// <summary>What gc removed and kept.</summary>
public sealed record GcReport(long Reachable, long Removed, long KeptYoung, long BytesRemoved)
{
    /// <summary>Temporary files of killed writers removed (local store).</summary>
    public long TemporaryFilesRemoved { get; init; }

    /// <summary>Their total size.</summary>
    public long TemporaryBytesRemoved { get; init; }
}

public sealed partial class Repository
{
    private static readonly string[] CollectedPrefixes = ["objects/", "ranges/", "metaranges/", "commits/"];

    /// <summary>Verifies every object reachable from a branch or tag hashes to its address.</summary>
    public async Task<FsckReport> FsckAsync(IProgressSink progress, CancellationToken cancellationToken) =>
        (await CheckAsync(progress, cancellationToken)).Report;

    /// <summary>
    /// Re-writes every missing or corrupt blob whose content is in <paramref name="folder"/> (its files are hashed; only a
    /// file hashing to the blob's address is used), then verifies again. Returns how many blobs were re-written and the
    /// report afterwards.
    /// </summary>
    public async Task<(long Repaired, FsckReport After)> RepairAsync(string folder, IProgressSink progress, CancellationToken cancellationToken)
    {
        var (_, bad) = await CheckAsync(progress, cancellationToken);
        long repaired = 0;
        if (bad.Count > 0)
        {
            var scan = FolderScanner.Scan(folder, "");
            var options = new ParallelOptions { MaxDegreeOfParallelism = Store.TransferParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(scan.Files, options, async (file, ct) =>
            {
                var hash = await Hashing.Sha256FileAsync(file.FullPath, ct);
                if (!bad.TryRemove(hash, out _))
                    return;
                // The corrupt copy goes first: put-if-absent never replaces an object.
                await Store.DeleteAsync(BlobKey(hash), ct);
                await Store.PutFileIfAbsentAsync(BlobKey(hash), file.FullPath, hash, ct);
                Interlocked.Increment(ref repaired);
            });
        }

        return (repaired, await FsckAsync(progress, cancellationToken));
    }

    private async Task<(FsckReport Report, ConcurrentDictionary<string, byte> BadBlobs)> CheckAsync(IProgressSink progress, CancellationToken cancellationToken)
    {
        var bad = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var problems = new ConcurrentBag<string>();
        var reach = await MarkAsync(problems, verify: true, cancellationToken);
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Store.TransferParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(reach.Blobs, options, async (blob, ct) =>
        {
            var stream = await Store.TryOpenReadAsync(BlobKey(blob.Key), ct);
            if (stream is null)
            {
                problems.Add($"missing blob {BlobKey(blob.Key)} (used by {blob.Value})");
                bad.TryAdd(blob.Key, 0);
            }
            else
            {
                await using (stream)
                {
                    if (await Hashing.Sha256HexAsync(stream, ct) != blob.Key)
                    {
                        problems.Add($"corrupt blob {BlobKey(blob.Key)} (used by {blob.Value})");
                        bad.TryAdd(blob.Key, 0);
                    }
                }
            }

            progress.Report("blobs", Interlocked.Increment(ref done), reach.Blobs.Count);
        });
        return (new FsckReport(reach.Commits.Count, reach.Metaranges.Count, reach.Ranges.Count, reach.Blobs.Count, [.. problems.Order(StringComparer.Ordinal)]), bad);
    }

    /// <summary>
    /// Removes blobs, ranges, metaranges and commits no branch or tag reaches whose last write or refresh is older than
    /// <paramref name="grace"/> and older than the oldest in-flight commit (see <see cref="GcCoordination"/>), then temporary
    /// files of killed writers and expired leases. Ages are measured by the store's clock.
    /// </summary>
    public async Task<GcReport> GcAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await using var announcement = await GcAnnouncement.StartAsync(Store, cancellationToken);
        var (cutoff, expiredLeases) = await GcCutoffAsync(grace, cancellationToken);
        var problems = new ConcurrentBag<string>();
        var reach = await MarkAsync(problems, verify: false, cancellationToken);
        if (!problems.IsEmpty)
            throw new Errors.CorruptionException($"gc stopped before deleting anything: the repository has problems ({problems.First()}). Run 'mlops data fsck'.", [.. problems]);
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        reachable.UnionWith(reach.Commits.Select(CommitKey));
        reachable.UnionWith(reach.Metaranges.Select(TreeStore.MetarangeKey));
        reachable.UnionWith(reach.Ranges.Select(TreeStore.RangeKey));
        reachable.UnionWith(reach.Blobs.Keys.Select(BlobKey));
        long removed = 0, young = 0, bytes = 0;
        foreach (var prefix in CollectedPrefixes)
        {
            await foreach (var info in Store.ListAsync(prefix, cancellationToken))
            {
                if (reachable.Contains(info.Key))
                    continue;
                if (info.LastModified >= cutoff)
                {
                    young++;
                    continue;
                }

                await Store.DeleteAsync(info.Key, cancellationToken);
                removed++;
                bytes += info.Size;
            }
        }

        var temporary = Store is LocalFolderStore local ? local.RemoveTemporaryFiles(cutoff) : (0, 0);
        foreach (var lease in expiredLeases)
            await Store.DeleteAsync(lease, cancellationToken);
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
        await foreach (var info in Store.ListAsync(GcCoordination.LeasePrefix, cancellationToken))
        {
            if (info.Key == GcCoordination.GcStateKey)
                now = info.LastModified;
            else if (info.Key.StartsWith(GcCoordination.CommitLeasePrefix, StringComparison.Ordinal))
                leases.Add(info);
        }

        var storeNow = now ?? Options.Time.GetUtcNow();
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

    private sealed record Reach(HashSet<string> Commits, HashSet<string> Metaranges, HashSet<string> Ranges, ConcurrentDictionary<string, string> Blobs);

    private async Task<Reach> MarkAsync(ConcurrentBag<string> problems, bool verify, CancellationToken cancellationToken)
    {
        var reach = new Reach(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        var pending = new Stack<string>();
        // A malformed ref is reported and the walk goes on: one bad ref does not hide the rest of the repository.
        var refProblems = new List<string>();
        foreach (var (_, branch) in await ListBranchesAsync(refProblems, cancellationToken))
            pending.Push(branch.Commit);
        foreach (var (_, commit) in await ListTagsAsync(refProblems, cancellationToken))
            pending.Push(commit);
        refProblems.ForEach(problems.Add);
        while (pending.TryPop(out var id))
        {
            if (!reach.Commits.Add(id))
                continue;
            var bytes = await Store.TryReadAllAsync(CommitKey(id), cancellationToken);
            if (bytes is null || (verify && Hashing.Sha256Hex(bytes) != id))
            {
                problems.Add($"{(bytes is null ? "missing" : "corrupt")} commit {CommitKey(id)}");
                continue;
            }

            if (StoredObjects.TryParse(CommitKey(id), bytes, b => Commit.Parse(id, b), out var commit) is { } malformed)
            {
                problems.Add(malformed);
                continue;
            }

            foreach (var parent in commit!.Parents)
                pending.Push(parent);
            if (reach.Metaranges.Add(commit.Metarange))
                await MarkTreeAsync(commit.Metarange, reach, problems, verify, cancellationToken);
        }

        return reach;
    }

    private async Task MarkTreeAsync(string metarangeId, Reach reach, ConcurrentBag<string> problems, bool verify, CancellationToken cancellationToken)
    {
        var bytes = await Store.TryReadAllAsync(TreeStore.MetarangeKey(metarangeId), cancellationToken);
        if (bytes is null || (verify && Hashing.Sha256Hex(bytes) != metarangeId))
        {
            problems.Add($"{(bytes is null ? "missing" : "corrupt")} metarange {TreeStore.MetarangeKey(metarangeId)}");
            return;
        }

        if (StoredObjects.TryParse(TreeStore.MetarangeKey(metarangeId), bytes, Metarange.Parse, out var metarange) is { } malformed)
        {
            problems.Add(malformed);
            return;
        }

        foreach (var range in metarange!.Ranges)
        {
            if (!reach.Ranges.Add(range.Id))
                continue;
            var rangeBytes = await Store.TryReadAllAsync(TreeStore.RangeKey(range.Id), cancellationToken);
            if (rangeBytes is null || (verify && Hashing.Sha256Hex(rangeBytes) != range.Id))
            {
                problems.Add($"{(rangeBytes is null ? "missing" : "corrupt")} range {TreeStore.RangeKey(range.Id)}");
                continue;
            }

            if (StoredObjects.TryParse(TreeStore.RangeKey(range.Id), rangeBytes, RangeFormat.Parse, out var entries) is { } malformedRange)
            {
                problems.Add(malformedRange);
                continue;
            }

            foreach (var entry in entries!)
                reach.Blobs.TryAdd(entry.Hash, entry.Path);
        }
    }
}
