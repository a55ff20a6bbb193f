using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace MlopsCi.Testing;

/// <summary>
/// A loopback HTTP/1.1 proxy between a client and a real server (e.g. Ceph RGW) that injects faults: 500/503
/// answers before or after forwarding, connection resets before or after forwarding, truncated responses and delays.
/// Requests are forwarded byte for byte (Host included), so signed S3 requests stay valid. Point a client's endpoint at
/// <see cref="Endpoint"/>. Shared by test projects: <c>&lt;Compile Include="../Shared/*.cs" /&gt;</c>.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private readonly Uri _upstream;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly ConcurrentDictionary<FaultKind, int> _faults = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _inFlight = new();
    private readonly Random _random;
    private readonly Task _acceptLoop;
    private int _requests;
    private int _strippedConditions;

    public FaultInjectingProxy(Uri upstream, FaultInjectionOptions? options = null)
    {
        _upstream = upstream;
        Options = options ?? new FaultInjectionOptions();
        _random = Options.Seed is { } seed ? new Random(seed) : new Random();
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Where clients should connect.</summary>
    public Uri Endpoint { get; }

    /// <summary>The fault settings (fixed for the proxy's lifetime).</summary>
    public FaultInjectionOptions Options { get; }

    /// <summary>While false, everything passes through untouched (e.g. while a test sets up its data).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests seen so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Faults injected so far (delays included).</summary>
    public int InjectedFaults => _faults.Values.Sum();

    /// <summary>How many times each fault was injected.</summary>
    public IReadOnlyDictionary<FaultKind, int> FaultCounts => new Dictionary<FaultKind, int>(_faults);

    /// <summary>Requests whose conditions were stripped or whose 412 was turned into success.</summary>
    public int IgnoredConditions => Volatile.Read(ref _strippedConditions);

    /// <summary>
    /// Completes once every request received before the call has been answered upstream or dropped. A client that gave
    /// up on a delayed request (its timeout passed) does not stop the proxy from forwarding it, just as a real server
    /// may still apply a request whose answer the client never saw: wait for this before judging what a failed write did.
    /// </summary>
    public Task SettledAsync() => Task.WhenAll(_inFlight.Values.Select(t => t.Task));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll(_connections.Keys.Append(_acceptLoop).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var task = HandleConnectionAsync(client);
            _connections.TryAdd(task, true);
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private FaultKind? Decide(string method, string target)
    {
        if (!Enabled || Options.Filter?.Invoke(method, target) == false)
            return null;
        FaultKind? fault;
        lock (_random)
        {
            var roll = _random.NextDouble();
            fault = roll < Options.FailureRate && Options.Kinds.Count > 0 ? Options.Kinds[_random.Next(Options.Kinds.Count)]
                : roll < Options.FailureRate + Options.DelayRate ? FaultKind.Delay
                : null;
        }

        if (fault is { } kind)
            _faults.AddOrUpdate(kind, 1, (_, n) => n + 1);
        return fault;
    }

    private TimeSpan RandomDelay()
    {
        lock (_random)
            return TimeSpan.FromMilliseconds(_random.NextDouble() * Options.MaxDelay.TotalMilliseconds);
    }

    private async Task HandleConnectionAsync(TcpClient client)
    {
        var token = _stop.Token;
        var upstream = new StrongBox<Upstream?>();
        try
        {
            using (client)
            {
                client.NoDelay = true;
                var clientStream = client.GetStream();
                var reader = new HttpWireReader(clientStream);
                while (!token.IsCancellationRequested)
                {
                    var head = await reader.ReadHeadAsync(token);
                    if (head is null)
                        return;
                    if (string.Equals(head.Get("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
                        await clientStream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), token);
                    using var body = new MemoryStream();
                    if (head.IsChunked)
                        await reader.CopyChunkedAsync(body, token);
                    else if (head.ContentLength is > 0 and var length)
                        await reader.CopyExactAsync(length, body, token);
                    var exchange = Interlocked.Increment(ref _requests);
                    var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _inFlight[exchange] = settled;
                    try
                    {
                        if (!await ExchangeAsync(client, clientStream, head, body, upstream, token))
                            return;
                    }
                    finally
                    {
                        _inFlight.TryRemove(exchange, out _);
                        settled.TrySetResult();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or FormatException)
        {
            // A client that went away (it timed out, or we reset it) or a stopping proxy.
        }
        finally
        {
            upstream.Value?.Dispose();
        }
    }

    /// <summary>Handles one request: a fault, or forwarding it and relaying (or spoiling) the answer. False: close the connection.</summary>
    private async Task<bool> ExchangeAsync(
        TcpClient client, NetworkStream clientStream, HttpHead head, MemoryStream body, StrongBox<Upstream?> upstream, CancellationToken token)
    {
        Options.OnRequest?.Invoke(head);
        var parts = head.StartLine.Split(' ');
        var (method, target) = (parts[0], parts.Length > 1 ? parts[1] : "/");
        var fault = Decide(method, target);
        switch (fault)
        {
            case FaultKind.ResetBeforeForwarding:
                Options.OnExchange?.Invoke(head, fault, null);
                Reset(client);
                return false;
            case FaultKind.ErrorBeforeForwarding:
                Options.OnExchange?.Invoke(head, fault, null);
                await WriteErrorAsync(clientStream, method, 500, "Internal Server Error", "InternalError", token);
                return true;
            case FaultKind.ThrottleBeforeForwarding:
                Options.OnExchange?.Invoke(head, fault, null);
                await WriteErrorAsync(clientStream, method, 503, "Slow Down", "SlowDown", token);
                return true;
            case FaultKind.Delay:
                await Task.Delay(RandomDelay(), token);
                break;
        }

        upstream.Value ??= await Upstream.ConnectAsync(_upstream, token);
        var payload = body.ToArray();
        if (Options.StripConditionalHeaders && (head.Get("If-Match") is not null || head.Get("If-None-Match") is not null))
        {
            head.Remove("If-Match");
            head.Remove("If-None-Match");
            payload = Options.ResignWith?.Resign(head, payload) ?? payload;
            Interlocked.Increment(ref _strippedConditions);
        }

        using var request = new MemoryStream();
        await request.WriteAsync(head.Serialize(), token);
        await request.WriteAsync(payload, token);
        var response = await SendAsync(upstream.Value, request.ToArray(), token);
        upstream.Value = response.Connection;
        Options.OnExchange?.Invoke(head, fault, response.Head.Status);
        var keepGoing = await RelayAsync(client, clientStream, head, method, response, fault, token);
        return keepGoing && !head.WantsClose;
    }

    private static async Task<(Upstream Connection, HttpHead Head)> SendOnceAsync(Upstream upstream, byte[] request, CancellationToken token)
    {
        await upstream.Stream.WriteAsync(request, token);
        while (true)
        {
            var head = await upstream.Reader.ReadHeadAsync(token) ?? throw new IOException("The upstream closed the connection.");
            if (head.Status >= 200)
                return (upstream, head);
        }
    }

    /// <summary>Sends a request upstream and reads the final response head; reconnects once if an idle connection was closed.</summary>
    private async Task<UpstreamResponse> SendAsync(Upstream upstream, byte[] request, CancellationToken token)
    {
        try
        {
            var (connection, head) = await SendOnceAsync(upstream, request, token);
            return new UpstreamResponse(connection, head);
        }
        catch (IOException)
        {
            upstream.Dispose();
            upstream = await Upstream.ConnectAsync(_upstream, token);
            var (connection, head) = await SendOnceAsync(upstream, request, token);
            return new UpstreamResponse(connection, head);
        }
    }

    /// <summary>Passes the upstream response to the client, or applies an after-forwarding fault. False: close the connection.</summary>
    private async Task<bool> RelayAsync(TcpClient client, NetworkStream clientStream, HttpHead request, string method, UpstreamResponse response, FaultKind? fault, CancellationToken token)
    {
        var head = response.Head;
        var hasBody = method != "HEAD" && head.Status is not (204 or 304);
        var isConditional = request.Get("If-Match") is not null || request.Get("If-None-Match") is not null;
        if (Options.IgnoreConditionalWrites && head.Status == 412 && isConditional && method is "PUT" or "POST" or "DELETE")
        {
            await DrainAsync(response, hasBody, token);
            Interlocked.Increment(ref _strippedConditions);
            var fake = method == "DELETE"
                ? "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nETag: \"0123456789abcdef0123456789abcdef\"\r\nContent-Length: 0\r\n\r\n";
            await clientStream.WriteAsync(Encoding.ASCII.GetBytes(fake), token);
            return true;
        }

        switch (fault)
        {
            case FaultKind.ErrorAfterForwarding:
                await DrainAsync(response, hasBody, token);
                await WriteErrorAsync(clientStream, method, 500, "Internal Server Error", "InternalError", token);
                return !head.WantsClose;
            case FaultKind.ResetAfterForwarding:
                await DrainAsync(response, hasBody, token);
                Reset(client);
                return false;
            case FaultKind.TruncateResponse when hasBody && head.ContentLength is > 1 and var length:
                await clientStream.WriteAsync(head.Serialize(), token);
                await response.Connection.Reader.CopyExactAsync(length / 2, clientStream, token);
                response.Connection.Dispose();
                Reset(client);
                return false;
        }

        await clientStream.WriteAsync(head.Serialize(), token);
        await CopyBodyAsync(response, hasBody, clientStream, token);
        return !head.WantsClose;
    }

    private static Task DrainAsync(UpstreamResponse response, bool hasBody, CancellationToken token) =>
        CopyBodyAsync(response, hasBody, null, token);

    private static async Task CopyBodyAsync(UpstreamResponse response, bool hasBody, Stream? destination, CancellationToken token)
    {
        if (!hasBody)
            return;
        var head = response.Head;
        if (head.IsChunked)
            await response.Connection.Reader.CopyChunkedAsync(destination, token);
        else if (head.ContentLength is { } length)
            await response.Connection.Reader.CopyExactAsync(length, destination, token);
        else
            await response.Connection.Reader.CopyToEndAsync(destination, token);
    }

    private static async Task WriteErrorAsync(Stream stream, string method, int status, string reason, string code, CancellationToken token)
    {
        var body = method == "HEAD" ? "" :
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>Injected by FaultInjectingProxy</Message><RequestId>fault-proxy</RequestId></Error>";
        var text = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\nx-amz-request-id: fault-proxy\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), token);
    }

    private static void Reset(TcpClient client)
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    private sealed record UpstreamResponse(Upstream Connection, HttpHead Head);

    private sealed class Upstream(TcpClient client) : IDisposable
    {
        public NetworkStream Stream { get; } = client.GetStream();

        public HttpWireReader Reader { get; } = new(client.GetStream());

        public static async Task<Upstream> ConnectAsync(Uri server, CancellationToken token)
        {
            var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(server.Host, server.Port, token);
            return new Upstream(client);
        }

        public void Dispose() => client.Dispose();
    }
}
