using System.Diagnostics;
using System.Text;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

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
