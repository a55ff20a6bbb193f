using System.Diagnostics;
using MlopsCi.Core.Tests;

namespace MlopsCi.Cli.Tests;

/// <summary><c>mlops ui</c> as a real process: serving, warning off loopback, refusing bad options.</summary>
[Trait("Speed", "Slow")]
public sealed class UiCommandSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Off_loopback_it_warns_that_there_is_no_authentication_and_serves_the_store()
    {
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "init", "--store", "store")).ExitCode);
        using var process = Process.Start(MlopsProcess.StartInfo(_temp.Path, ["ui", "--store", "store", "--host", "0.0.0.0", "--port", "0"]))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var address = line!.Split(' ').Single(w => w.StartsWith("http://", StringComparison.Ordinal));
            var warning = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Contains("no authentication", warning, StringComparison.Ordinal);
            using var http = new HttpClient();
            var page = await http.GetStringAsync(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal) + "data");
            Assert.Contains("main (default)", page, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_host_that_is_not_an_address_is_bad_input()
    {
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "init", "--store", "store")).ExitCode);
        var result = await MlopsProcess.RunAsync(_temp.Path, "ui", "--store", "store", "--host", "example.org");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--host 'example.org' is not an IP address", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_without_a_repository_is_bad_input()
    {
        var result = await MlopsProcess.RunAsync(_temp.Path, "ui", "--store", "empty", "--port", "0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no data repository", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
