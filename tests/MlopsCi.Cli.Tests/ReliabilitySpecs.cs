using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MlopsCi.Core.Tests;

namespace MlopsCi.Cli.Tests;

/// <summary>Concurrent writers, killed writers and unreadable files, with real processes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Speed", "Slow")]
public sealed class ReliabilitySpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    private Task<MlopsProcess.Result> Mlops(params string[] args) => MlopsProcess.RunAsync(_temp.Path, args);

    [Fact]
    public async Task Eight_processes_committing_fifty_times_each_to_one_branch_lose_no_commit()
    {
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        var script = _temp.Write("writer.sh", """
            set -e
            w=$1
            for i in $(seq 1 50); do
              mkdir -p "work$w"
              echo "$w,$i" > "work$w/data.csv"
              dotnet "$MLOPS_DLL" data commit main "work$w" -m "writer $w commit $i" --json > "out$w-$i.json"
            done
            """);
        var writers = Enumerable.Range(1, 8).Select(w =>
        {
            var info = new ProcessStartInfo("bash", [script, w.ToString(CultureInfo.InvariantCulture)]) { WorkingDirectory = _temp.Path, RedirectStandardError = true };
            info.Environment["MLOPS_DLL"] = MlopsProcess.Dll;
            return Process.Start(info)!;
        }).ToList();
        foreach (var writer in writers)
        {
            var error = await writer.StandardError.ReadToEndAsync();
            await writer.WaitForExitAsync();
            Assert.True(writer.ExitCode == 0, error);
        }

        var committed = Directory.GetFiles(_temp.Path, "out*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Where(e => e.GetProperty("changed").GetBoolean())
            .Select(e => e.GetProperty("commit").GetProperty("id").GetString())
            .ToList();
        var log = JsonDocument.Parse((await Mlops("data", "log", "main", "--max", "10000", "--json")).Out).RootElement;
        var history = log.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();
        var messages = log.EnumerateArray().Select(c => c.GetProperty("message").GetString()).ToHashSet();

        Assert.Equal(400, committed.Count);
        Assert.All(committed, id => Assert.Contains(id, history));
        Assert.Equal(400, messages.Count(m => m!.StartsWith("writer ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_commit_killed_at_random_moments_leaves_the_branch_old_or_new_and_fsck_clean()
    {
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        var random = new Random(42);
        var outcomes = new List<string>();
        for (var trial = 0; trial < 20; trial++)
        {
            var folder = _temp.Combine($"trial{trial}");
            for (var f = 0; f < 400; f++)
                _temp.Write($"trial{trial}/part{f:D4}.csv", $"{trial},{f},{new string('x', 200)}\n");
            var before = await HeadAsync();
            using var process = Process.Start(MlopsProcess.StartInfo(_temp.Path, ["data", "commit", "main", folder, "-m", $"trial {trial}"]))!;
            await Task.Delay(random.Next(50, 700));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            var after = await HeadAsync();
            var fsck = await Mlops("data", "fsck");
            Assert.True(fsck.ExitCode == 0, fsck.ToString());
            if (after == before)
                outcomes.Add("old");
            else
            {
                var newest = JsonDocument.Parse((await Mlops("data", "log", "main", "--max", "1", "--json")).Out).RootElement[0];
                Assert.Equal($"trial {trial}", newest.GetProperty("message").GetString());
                outcomes.Add("new");
            }

            var rerun = await Mlops("data", "commit", "main", folder, "-m", $"trial {trial} again");
            Assert.True(rerun.ExitCode == 0, rerun.ToString());
            Assert.Equal(400, JsonDocument.Parse((await Mlops("data", "ls", "main", "--json")).Out).RootElement.GetArrayLength());
        }

        Assert.Contains("old", outcomes);
    }

    [Fact]
    public async Task An_unreadable_file_is_refused_with_exit_2_and_nothing_committed()
    {
        // The test runs as root on CI, which reads anything: run mlops as an unprivileged user instead.
        Directory.CreateDirectory(_temp.Combine("data"));
        _temp.Write("data/ok.csv", "1\n");
        var locked = _temp.Write("data/locked.csv", "2\n");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        Chmod(_temp.Path);
        var asNobody = Environment.UserName == "root" ? new[] { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups" } : null;
        var env = new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = _temp.Path, ["HOME"] = _temp.Path };
        Assert.Equal(0, (await MlopsProcess.RunAsync(MlopsProcess.StartInfo(_temp.Path, ["data", "init"], env, asNobody))).ExitCode);
        var head = await HeadAsync();

        var result = await MlopsProcess.RunAsync(MlopsProcess.StartInfo(_temp.Path, ["data", "commit", "main", "data", "-m", "x"], env, asNobody));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("locked.csv", result.Error, StringComparison.Ordinal);
        Assert.Equal(head, await HeadAsync());
    }

    // The unprivileged user must reach the test folder and write the store in it.
    private static void Chmod(string folder)
    {
        File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        File.SetUnixFileMode(Path.GetDirectoryName(folder)!, (UnixFileMode)0x1FF);
    }

    private async Task<string> HeadAsync()
    {
        var branches = JsonDocument.Parse((await Mlops("data", "branch", "list", "--json")).Out).RootElement;
        return branches.EnumerateArray().Single(b => b.GetProperty("name").GetString() == "main").GetProperty("commit").GetString()!;
    }

    public void Dispose() => _temp.Dispose();
}
