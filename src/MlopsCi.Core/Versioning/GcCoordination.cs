using System.Text;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// How commits and gc stay out of each other's way with nothing but the store (no lock server):
/// <list type="bullet">
/// <item>A commit writes a lease (<c>leases/commit-…</c>) before it writes or reuses any object, refreshes every existing
/// object it reuses, and removes the lease after its ref moved. gc keeps every object written or refreshed since the
/// oldest live lease began, so nothing an in-flight commit uses is old enough to go.</item>
/// <item>gc announces each run in <c>leases/gc</c> (with a heartbeat) before it reads the leases. A commit reads that
/// announcement after writing its lease and again just before moving its ref; if a run started or was running in between,
/// the commit waits for it to end and checks that every object it wrote or reused is still there (re-writing what it can)
/// before the ref moves. Whichever of the two writes first, the other sees it.</item>
/// </list>
/// A lease older than <see cref="LeaseLifetime"/> belongs to a killed commit and is ignored (and removed by gc); a gc whose
/// heartbeat stopped for <see cref="GcPresumedDead"/> is no longer waited for.
/// </summary>
internal static class GcCoordination
{
    public const string LeasePrefix = StoreLayout.Leases;
    public const string CommitLeasePrefix = StoreLayout.CommitLeases;
    public const string GcStateKey = StoreLayout.GcState;
    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromHours(6);
    public static readonly TimeSpan GcHeartbeat = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan GcPresumedDead = TimeSpan.FromSeconds(60);

    public static async Task<string> ReadGcStateAsync(IObjectStore store, CancellationToken cancellationToken) =>
        await store.TryReadAllAsync(GcStateKey, cancellationToken) is { } bytes ? Encoding.UTF8.GetString(bytes) : "";

    public static bool IsRunning(string state) => state.StartsWith("running ", StringComparison.Ordinal);

    /// <summary>Writes a content-addressed object, or refreshes it when it is already stored (so gc's grace counts from now).</summary>
    public static async Task<bool> PutOrRefreshAsync(this IObjectStore store, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        // An object removed between the two calls is written again.
        while (true)
        {
            if (await store.PutIfAbsentAsync(key, content, cancellationToken))
                return true;
            if (await store.TryRefreshAsync(key, cancellationToken))
                return false;
        }
    }
}
