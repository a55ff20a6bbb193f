using System.Diagnostics;
using MlopsCi.Core.Tests;
using MlopsCi.Testing;

namespace MlopsCi.Cli.Tests;

/// <summary>Bounded waits with a progress line, malformed metadata and secrets in store URIs, through the real process.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Speed", "Slow")]
public sealed class StoreRobustnessSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    private Task<MlopsProcess.Result> Mlops(params string[] args) => MlopsProcess.RunAsync(_temp.Path, args);

    private Task<MlopsProcess.Result> MlopsWith(Dictionary<string, string> environment, params string[] args) =>
        MlopsProcess.RunAsync(MlopsProcess.StartInfo(_temp.Path, args, environment));

    private async Task InitWithDataAsync()
    {
        _temp.Write("data/a.csv", "x,y\n1,2\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        Assert.Equal(0, (await Mlops("data", "commit", "main", "data", "-m", "first")).ExitCode);
    }

    [Fact]
    public async Task A_ref_lock_held_by_another_process_is_announced_with_its_pid_and_times_out_clearly()
    {
        await InitWithDataAsync();
        var lockFile = _temp.Combine(".mlops", "store", "refs", "branches", "main.lock");
        // A real other process takes the same kernel lock (flock) and records its pid, as mlops does.
        using var holder = Process.Start(new ProcessStartInfo("bash", ["-c", $"echo $$ > '{lockFile}'; exec flock '{lockFile}' sleep 30"]))!;
        // The pid is written before flock runs; .NET's own open of the file then meets the lock (a sharing violation).
        await WaitUntilAsync(() => IsLocked(lockFile));
        _temp.Write("data/b.csv", "x,y\n3,4\n");
        var clock = Stopwatch.StartNew();

        var result = await MlopsWith(new() { ["MLOPS_LOCK_TIMEOUT"] = "3" }, "data", "commit", "main", "data", "-m", "blocked");
        holder.Kill();

        Assert.Equal(1, result.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(25));
        Assert.Contains($"waiting for the ref lock on refs/branches/main in file://{_temp.Path}/.mlops/store held by pid {holder.Id}…", result.Error, StringComparison.Ordinal);
        Assert.Contains($"error: Timed out after 3 s waiting for the lock on refs/branches/main", result.Error, StringComparison.Ordinal);
        Assert.Contains("MLOPS_LOCK_TIMEOUT", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"commit\":\"12")]
    [InlineData("not json at all")]
    public async Task A_malformed_ref_is_named_with_exit_1_and_does_not_break_the_other_branches(string content)
    {
        await InitWithDataAsync();
        Assert.Equal(0, (await Mlops("data", "branch", "create", "work", "--from", "main")).ExitCode);
        File.WriteAllText(_temp.Combine(".mlops", "store", "refs", "branches", "x"), content);

        var log = await Mlops("data", "log", "x");
        var list = await Mlops("data", "branch", "list");
        var fsck = await Mlops("data", "fsck");
        var merge = await Mlops("data", "merge", "work", "main");
        var delete = await Mlops("data", "branch", "delete", "x");

        Assert.True(log.ExitCode == 1, log.ToString());
        Assert.Contains("refs/branches/x", log.Error, StringComparison.Ordinal);
        Assert.Contains("malformed", log.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log.Error, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("main", list.Out, StringComparison.Ordinal);
        Assert.Contains("work", list.Out, StringComparison.Ordinal);
        Assert.Contains("warning: malformed refs/branches/x", list.Error, StringComparison.Ordinal);
        Assert.Equal(1, fsck.ExitCode);
        Assert.Contains("malformed refs/branches/x", fsck.Out, StringComparison.Ordinal);
        Assert.Contains("1 blobs", fsck.Out, StringComparison.Ordinal);
        Assert.True(merge.ExitCode == 0, merge.ToString());
        Assert.True(delete.ExitCode == 0, delete.ToString());
    }

    [Fact]
    public async Task A_store_uri_with_credentials_is_never_echoed()
    {
        var result = await Mlops("data", "log", "main", "--store", "s3://AKIAXEXAMPLE:supersecret@bucket/repo");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("supersecret", result.Error + result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAXEXAMPLE", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_s3_endpoint_that_never_answers_fails_within_the_bound_with_progress_lines()
    {
        using var silent = new SilentServer();
        var environment = new Dictionary<string, string>
        {
            ["MLOPS_S3_ENDPOINT"] = $"http://127.0.0.1:{silent.Port}",
            ["AWS_ACCESS_KEY_ID"] = "TESTAK",
            ["AWS_SECRET_ACCESS_KEY"] = "TESTSECRET",
            ["MLOPS_S3_REQUEST_TIMEOUT"] = "1s",
            ["MLOPS_S3_MAX_ATTEMPTS"] = "3",
        };
        var clock = Stopwatch.StartNew();

        var result = await MlopsWith(environment, "data", "log", "main", "--store", "s3://silent-bucket/repo");
        Assert.Equal(1, result.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(40));
        Assert.Contains("S3 not answering at http://127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("retry 3/3 in ", result.Error, StringComparison.Ordinal);
        Assert.Contains("timed out after 3 attempts", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TESTSECRET", result.Error, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(50);
        Assert.True(condition());
    }

    private static bool IsLocked(string file)
    {
        try
        {
            _ = File.ReadAllText(file);
            return false;
        }
        catch (IOException)
        {
            return File.Exists(file);
        }
    }

    public void Dispose() => _temp.Dispose();
}
