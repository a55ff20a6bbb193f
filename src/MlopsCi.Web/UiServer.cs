using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;
using MlopsCi.Web.Api;
using MlopsCi.Web.Internal;
using MlopsCi.Web.Pages;

namespace MlopsCi.Web;

/// <summary>
/// The read-only web UI of a store (<c>mlops ui</c>): server-rendered pages and a JSON API under <c>/api/</c>, both built
/// from the same views over Core's read paths. It has no write endpoint and no authentication.
/// </summary>
public sealed class UiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Whether <paramref name="host"/> is a loopback address (anything else exposes the store to the network).</summary>
    public static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Opens the store's repository and starts listening; bad options and a store without a repository are bad input.</summary>
    public static async Task<UiServer> StartAsync(UiServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = Bindable(options.Host);
        if (options.Port is < 0 or > 65535)
            throw new InvalidInputException($"--port {options.Port} is not a port number; use 1–65535 (or 0 for any free port).");
        var repository = await Repository.OpenAsync(options.Store, new RepositoryOptions(TimeProvider.System, "mlops ui"), cancellationToken);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(address, options.Port));
        builder.Services.AddSingleton(new StoreViews(repository, options.Readers, options.Keys));
        var app = builder.Build();
        app.UseExceptionHandler(ErrorPages.Handle);
        ApiEndpoints.Map(app);
        PageEndpoints.Map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new OperationFailedException($"Cannot listen on {options.Host}:{options.Port} ({e.Message.TrimEnd('.')}). Pick another --port, or stop what uses it.", e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new UiServer(app, new Uri($"http://{host}:{port}/"));
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled (Ctrl+C), then stops.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how a user ends the UI: a normal stop.
        }
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IPAddress Bindable(string host)
    {
        if (host == "localhost")
            return IPAddress.Loopback;
        if (IPAddress.TryParse(host, out var ip))
            return ip;
        throw new InvalidInputException($"--host '{host}' is not an IP address. Use 127.0.0.1 (the default), ::1, or 0.0.0.0 to listen on every interface.");
    }
}
