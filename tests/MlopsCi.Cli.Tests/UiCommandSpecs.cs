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
    public async Task The_diff_page_matches_rows_by_the_data_keys_of_the_spec_in_the_working_folder()
    {
        _temp.Write("data/t.csv", "id,city\n1,Oslo\n2,Rome\n");
        _temp.Write("mlops.yml", "data:\n  path: data\n  keys:\n    \"*.csv\": [id]\n");
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "init", "--store", "store")).ExitCode);
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "commit", "main", "data", "-m", "first", "--store", "store")).ExitCode);
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "branch", "create", "fix", "--from", "main", "--store", "store")).ExitCode);
        _temp.Write("data/t.csv", "id,city\n1,Oslo\n2,Roma\n");
        Assert.Equal(0, (await MlopsProcess.RunAsync(_temp.Path, "data", "commit", "fix", "data", "-m", "fix", "--store", "store")).ExitCode);
        using var process = Process.Start(MlopsProcess.StartInfo(_temp.Path, ["ui", "--store", "store", "--port", "0"]))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var address = line!.Split(' ').Single(w => w.StartsWith("http://", StringComparison.Ordinal));
            using var http = new HttpClient();
            using var diff = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(address + "api/diff?left=main&right=fix"));

            var table = diff.RootElement.GetProperty("changes")[0].GetProperty("table");
            Assert.Equal("id", table.GetProperty("key")[0].GetString());
            Assert.Equal((0, 0, 1), (table.GetProperty("rowsAdded").GetInt32(), table.GetProperty("rowsRemoved").GetInt32(), table.GetProperty("rowsModified").GetInt32()));
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
