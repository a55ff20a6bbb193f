using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MlopsCi.Testing;

/// <summary>
/// A loopback server that accepts every connection and never answers (nor reads): the shape of a hung S3 endpoint or
/// GitHub API, for tests of timeouts. Connections are held until it is disposed.
/// </summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentServer()
    {
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
                _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
        });
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>How many connections it has accepted so far.</summary>
    public int Connections => _held.Count;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _held)
            client.Dispose();
        _stop.Dispose();
    }
}
