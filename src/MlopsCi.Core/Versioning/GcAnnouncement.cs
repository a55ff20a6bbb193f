using System.Text;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

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
