using MlopsCi.Core.Tests;

namespace MlopsCi.Cli.Tests;

/// <summary>The data commands through the real process: output shapes, exit codes and messages.</summary>
public sealed class DataCommandSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    private Task<MlopsProcess.Result> Mlops(params string[] args) => MlopsProcess.RunAsync(_temp.Path, args);

    private async Task InitWithDataAsync()
    {
        _temp.Write("data/a.csv", "x,y\n1,2\n");
        _temp.Write("data/sub/b.csv", "x,y\n3,4\n");
        Assert.Equal(0, (await Mlops("data", "init")).ExitCode);
        Assert.Equal(0, (await Mlops("data", "commit", "main", "data", "-m", "first")).ExitCode);
    }

    [Fact]
    public async Task The_whole_branch_lifecycle_works_from_the_command_line()
    {
        await InitWithDataAsync();
        Assert.Equal(0, (await Mlops("data", "branch", "create", "pr-1", "--from", "main")).ExitCode);
        _temp.Write("data/a.csv", "x,y\n1,2\n5,6\n");
        _temp.Write("data/c.csv", "new\n");
        File.Delete(_temp.Combine("data/sub/b.csv"));
        Assert.Equal(0, (await Mlops("data", "commit", "pr-1", "data", "-m", "change", "--meta", "pr=1")).ExitCode);

        var diff = await Mlops("data", "diff", "main", "pr-1");
        var merge = await Mlops("data", "merge", "pr-1", "main");
        var cat = await Mlops("data", "cat", "main", "a.csv");
        var log = await Mlops("data", "log", "main", "--json");

        Assert.Equal("M a.csv\nA c.csv\nD sub/b.csv\n", diff.Out);
        Assert.Contains("fast-forward", merge.Out, StringComparison.Ordinal);
        Assert.Equal("x,y\n1,2\n5,6\n", cat.Out);
        Assert.Contains("\"pr\": \"1\"", log.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_commit_says_so_and_makes_no_commit()
    {
        await InitWithDataAsync();

        var again = await Mlops("data", "commit", "main", "data", "-m", "again");
        var log = await Mlops("data", "log", "main", "--json");

        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("No change", again.Out, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(log.Out).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("data", "branch", "create", "a..b", "--from", "main")]
    [InlineData("data", "branch", "create", "with space", "--from", "main")]
    [InlineData("data", "branch", "create", "-x", "--from", "main")]
    [InlineData("data", "branch", "create", "/x/", "--from", "main")]
    [InlineData("data", "branch", "create", "ctl\u0007", "--from", "main")]
    [InlineData("data", "tag", "create", "bad..tag", "main")]
    [InlineData("data", "log", "no-such-ref")]
    [InlineData("data", "commit", "main", "no-such-folder", "-m", "x")]
    [InlineData("data", "ls", "main", "--store", "ftp://host/x")]
    [InlineData("data", "ls", "main", "../")]
    [InlineData("data", "ls", "main", "sub/../..")]
    [InlineData("data", "frobnicate")]
    [InlineData("data", "log", "main", "--bogus")]
    public async Task Bad_input_is_refused_with_exit_2_and_a_message_and_nothing_changes(params string[] args)
    {
        await InitWithDataAsync();
        var before = await Mlops("data", "branch", "list", "--json");

        var result = await Mlops(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before.Out, (await Mlops("data", "branch", "list", "--json")).Out);
    }

    [Fact]
    public async Task A_store_the_machine_will_not_let_it_write_is_a_clear_error_with_exit_1_not_a_crash()
    {
        // /sys refuses new entries even to root: the same path as a full disk or a read-only mount.
        var result = await Mlops("data", "init", "--store", "/sys/kernel/mlops-store");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("/sys/kernel/mlops-store", result.Error, StringComparison.Ordinal);
        Assert.Contains("Free space or fix permissions", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_pointing_outside_the_folder_is_refused()
    {
        await InitWithDataAsync();
        var outside = _temp.Write("secret.txt", "secret");
        File.CreateSymbolicLink(_temp.Combine("data", "link.txt"), outside);

        var result = await Mlops("data", "commit", "main", "data", "-m", "link");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("link.txt", result.Error, StringComparison.Ordinal);
        Assert.Contains("outside", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_checkout_into_the_project_folder_is_refused_and_keeps_the_store_git_and_sources()
    {
        // Seen: 'mlops data checkout main . --force' replaced the folder, deleting .mlops/store, .git and untracked sources.
        await InitWithDataAsync();
        _temp.Write(".git/HEAD", "ref: refs/heads/main\n");
        _temp.Write("src/Program.cs", "class P {}");

        var here = await Mlops("data", "checkout", "main", ".", "--force");
        var fsck = await Mlops("data", "fsck");
        var beside = await Mlops("data", "checkout", "main", "data", "--force");

        Assert.Equal(2, here.ExitCode);
        Assert.Contains("holds the data store", here.Error, StringComparison.Ordinal);
        Assert.Equal(0, fsck.ExitCode);
        Assert.Equal("ref: refs/heads/main\n", File.ReadAllText(_temp.Combine(".git", "HEAD")));
        Assert.Equal("class P {}", File.ReadAllText(_temp.Combine("src", "Program.cs")));
        Assert.Equal(0, beside.ExitCode);
        Assert.Equal("x,y\n3,4\n", File.ReadAllText(_temp.Combine("data", "sub", "b.csv")));
    }

    [Fact]
    public async Task Gc_needs_force_for_no_grace_warns_below_an_hour_and_removes_leftovers_of_killed_commits()
    {
        // Seen: temporary files of killed commits stayed in the store's tmp/ forever.
        await InitWithDataAsync();
        var leftover = _temp.Write(".mlops/store/tmp/999-deadbeef", new string('x', 1000));
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddDays(-2));
        var recent = _temp.Write(".mlops/store/tmp/998-cafe", "in flight");

        var refused = await Mlops("data", "gc", "--grace", "0s");
        var shortGrace = await Mlops("data", "gc", "--grace", "30m");
        var recentKept = File.Exists(recent);
        var forced = await Mlops("data", "gc", "--grace", "0s", "--force");
        var fsck = await Mlops("data", "fsck");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, shortGrace.ExitCode);
        Assert.Contains("warning: --grace 30m is shorter than 1h", shortGrace.Error, StringComparison.Ordinal);
        Assert.Contains("1 temporary files of killed writers removed (1,000 bytes)", shortGrace.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(leftover));
        Assert.True(recentKept);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(0, fsck.ExitCode);
    }

    [Fact]
    public async Task A_corrupted_blob_is_reported_by_fsck_checkout_and_cat()
    {
        await InitWithDataAsync();
        var blobs = Directory.GetFiles(_temp.Combine(".mlops", "store", "objects"), "*", SearchOption.AllDirectories);
        var hashOfA = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("x,y\n1,2\n"u8));
        File.WriteAllText(blobs.Single(b => Path.GetFileName(b) == hashOfA), "x,y\n9,9\n");

        var fsck = await Mlops("data", "fsck");
        var checkout = await Mlops("data", "checkout", "main", "out");
        var cat = await Mlops("data", "cat", "main", "a.csv");

        Assert.Equal(1, fsck.ExitCode);
        Assert.Contains("a.csv", fsck.Out, StringComparison.Ordinal);
        Assert.Equal(1, checkout.ExitCode);
        Assert.Contains("a.csv", checkout.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("out")));
        Assert.Equal(1, cat.ExitCode);
        Assert.DoesNotContain("9,9", cat.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_comes_from_the_option_then_the_environment_then_mlops_yml()
    {
        _temp.Write("mlops.yml", "store: file://from-yml\nmodel:\n  name: x\n");
        await Mlops("data", "init");
        var env = MlopsProcess.StartInfo(_temp.Path, ["data", "init"], new Dictionary<string, string> { ["MLOPS_STORE"] = "from-env" });
        await MlopsProcess.RunAsync(env);
        await Mlops("data", "init", "--store", $"file://{_temp.Combine("from-option")}");

        Assert.True(File.Exists(_temp.Combine("from-yml", "repository.json")));
        Assert.True(File.Exists(_temp.Combine("from-env", "repository.json")));
        Assert.True(File.Exists(_temp.Combine("from-option", "repository.json")));
    }

    public void Dispose() => _temp.Dispose();
}
