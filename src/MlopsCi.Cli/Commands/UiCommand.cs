using System.Diagnostics;
using MlopsCi.Cli.Hosting;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Web;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops ui</c>: serves the read-only web UI of the store until Ctrl+C.</summary>
internal sealed class UiCommand : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("ui", [], [new("port", "n", "port to listen on (5000; 0 picks a free one)"), new("host", "address", "address to bind (127.0.0.1; anything else exposes the store without authentication)"), new("open", null, "open the page in the default browser"), new("spec", "file", "the spec whose data.keys match rows by key on the diff page (mlops.yml when present)")],
            "Serve a read-only web page of the store: branches, commits, diffs, file previews, runs, models, monitoring, hooks, pull requests.", RunAsync),
    ];

    private static async Task<int> RunAsync(CommandContext ctx)
    {
        var port = ctx.Args.IntOption("port", 5000);
        if (port > 65535)
            throw new UsageException($"--port takes a port number up to 65535, not {port}.", ctx.Args.Command);
        var host = ctx.Args.Option("host") ?? "127.0.0.1";
        var store = await ctx.OpenStoreAsync();
        var spec = await DriftCommands.OptionalSpecAsync(ctx);
        await using var server = await UiServer.StartAsync(new UiServerOptions(store, host, port) { Readers = ctx.Services.TableReaders, Keys = spec?.Data?.Keys ?? TableKeys.None }, ctx.Cancellation);
        if (!UiServer.IsLoopback(host))
            ctx.Error.WriteLine($"warning: listening on {host}: the UI has no authentication, so anyone who can reach this address can read the whole store ({store.Location}).");
        ctx.Out.WriteLine($"mlops ui: {store.Location} at {server.Address} (read-only). Press Ctrl+C to stop.");
        if (ctx.Args.Flag("open"))
            Open(server.Address, ctx.Error);
        await server.WaitAsync(ctx.Cancellation);
        ctx.Out.WriteLine("mlops ui: stopped.");
        return 0;
    }

    private static void Open(Uri address, TextWriter error)
    {
        var (program, argument) = OperatingSystem.IsWindows() ? ("explorer.exe", address.ToString()) : OperatingSystem.IsMacOS() ? ("open", address.ToString()) : ("xdg-open", address.ToString());
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, [argument]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error.WriteLine($"note: could not open a browser ({program}: {e.Message}); open {address} yourself.");
        }
    }
}
