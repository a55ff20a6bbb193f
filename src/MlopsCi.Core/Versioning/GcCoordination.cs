using System.Diagnostics;
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
    public const string LeasePrefix = "leases/";
    public const string CommitLeasePrefix = "leases/commit-";
    public const string GcStateKey = "leases/gc";
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

/// <summary>An in-flight commit's lease: taken before it writes or reuses objects, removed once its ref moved (or it failed).</summary>
internal sealed class CommitLease : IAsyncDisposable
{
    private readonly IObjectStore _store;
    private readonly string _key;
    private string _gcSeen;

    private CommitLease(IObjectStore store, string key, string gcSeen)
    {
        _store = store;
        _key = key;
        _gcSeen = gcSeen;
    }

    public static async Task<CommitLease> TakeAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var key = GcCoordination.CommitLeasePrefix + Guid.NewGuid().ToString("N");
        await store.PutAsync(key, Encoding.UTF8.GetBytes($"commit by pid {Environment.ProcessId} on {Environment.MachineName}\n"), cancellationToken);
        return new CommitLease(store, key, await GcCoordination.ReadGcStateAsync(store, cancellationToken));
    }

    /// <summary>
    /// Whether a gc ran since the lease was taken (or since the last call that returned true); if one is running, waits
    /// for it to end first. After true, the caller checks its objects are still there before moving its ref.
    /// </summary>
    public async Task<bool> GcRanAsync(CancellationToken cancellationToken)
    {
        var state = await GcCoordination.ReadGcStateAsync(_store, cancellationToken);
        if (state == _gcSeen && !GcCoordination.IsRunning(state))
            return false;
        var unchanged = Stopwatch.StartNew();
        while (GcCoordination.IsRunning(state) && unchanged.Elapsed < GcCoordination.GcPresumedDead)
        {
            await Task.Delay(200, cancellationToken);
            var next = await GcCoordination.ReadGcStateAsync(_store, cancellationToken);
            if (next != state)
                unchanged.Restart();
            state = next;
        }

        _gcSeen = state;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _store.DeleteAsync(_key, CancellationToken.None);
        }
        catch (Errors.MlopsException)
        {
            // A lease left behind only keeps gc from removing young objects until it expires.
        }
    }
}

/// <summary>A gc run's announcement in the store, kept alive by a heartbeat and marked done at the end.</summary>
internal sealed class GcAnnouncement : IAsyncDisposable
{
    private readonly IObjectStore _store;
    private readonly string _run = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stop = new();
    private Task _heartbeat = Task.CompletedTask;

    private GcAnnouncement(IObjectStore store) => _store = store;

    public static async Task<GcAnnouncement> StartAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var announcement = new GcAnnouncement(store);
        await announcement.WriteAsync("running", 0, cancellationToken);
        announcement._heartbeat = announcement.BeatAsync();
        return announcement;
    }

    private async Task BeatAsync()
    {
        try
        {
            for (var beat = 1; ; beat++)
            {
                await Task.Delay(GcCoordination.GcHeartbeat, _stop.Token);
                await WriteAsync("running", beat, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private Task WriteAsync(string state, int beat, CancellationToken cancellationToken) =>
        _store.PutAsync(GcCoordination.GcStateKey, Encoding.UTF8.GetBytes($"{state} {_run} {beat}\n"), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _heartbeat;
        _stop.Dispose();
        await WriteAsync("done", 0, CancellationToken.None);
    }
}
