using MlopsCi.Testing.FakeGitHub;
using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>Fork pull requests with a read-only token, local dry runs, and closing without a merge.</summary>
[Trait("Speed", "Slow")]
public sealed class ForkDryRunAndCloseSpecs
{
    [Fact]
    public async Task A_fork_with_a_read_only_token_gets_the_report_in_the_step_summary_with_a_warning()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1, WebhookPayloads.ForkRepository);
        s.GitHub.Fail(FakeRoute.CreateComment, 403, "Resource not accessible by integration");
        s.GitHub.Fail(FakeRoute.CreateStatus, 403, "Resource not accessible by integration");

        var sync = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1, headRepository: WebhookPayloads.ForkRepository), "auto");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Contains("::warning::The report could not be posted on pull request #1", sync.Out, StringComparison.Ordinal);
        Assert.Contains("<!-- mlops-ci:report model=churn -->", await File.ReadAllTextAsync(s.SummaryFile), StringComparison.Ordinal);
        Assert.Empty(s.Comments(1));
        Assert.DoesNotContain(Token, sync.Out.Replace("::add-mask::" + Token, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_writes_the_report_to_a_file_and_stdout_and_calls_no_GitHub_API()
    {
        await using var s = await StartAsync();
        var report = Path.Combine(s.Checkout, "out", "report.md");

        var sync = await s.MlopsAsync("pr", "sync", "--pr", "7", "--head-sha", Sha1, "--dry-run", "--out", report);
        var merge = await s.MlopsAsync("pr", "merge", "--pr", "7", "--head-sha", Sha1, "--dry-run", "--approved", "--out", report);

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Contains("<!-- mlops-ci:report model=churn -->", sync.Out, StringComparison.Ordinal);
        Assert.Contains("| Metric | main | PR | Δ | 95% CI | |", sync.Out, StringComparison.Ordinal);
        Assert.True(merge.ExitCode == 0, merge.ToString());
        Assert.Contains("🚀 **Merged**", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Requests);
        Assert.Equal(1, (await s.ChampionAsync())?.Version);
    }

    [Fact]
    public async Task A_dry_run_without_a_head_sha_reports_on_the_commit_checked_out_and_says_so_when_there_is_none()
    {
        // Seen: ./build.sh Report --pr 5 in a checkout stopped with "No head commit for pull request #5".
        await using var s = await StartAsync();
        var outside = await s.MlopsAsync("pr", "sync", "--pr", "5", "--dry-run");
        Git(s.Checkout, "init", "-q");
        Git(s.Checkout, "add", "-A");
        Git(s.Checkout, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "data");
        var head = Git(s.Checkout, "rev-parse", "HEAD");

        var sync = await s.MlopsAsync("pr", "sync", "--pr", "5", "--dry-run");

        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("a dry run takes the commit checked out in the working folder, which is not a git checkout here", outside.Error, StringComparison.Ordinal);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Contains($"head `{head[..7]}`", sync.Out, StringComparison.Ordinal);
        Assert.Equal(head, (await s.RunsAsync()).Single(r => r.Tag("pr") == "5").Tag("git-sha"));
    }

    private static string Git(string folder, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = System.Diagnostics.Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {git.StandardError.ReadToEnd()}");
        return output.Trim();
    }

    [Fact]
    public async Task Data_path_on_the_command_line_replaces_the_spec_s_data_path_and_keeps_its_prefix()
    {
        await using var s = await StartAsync();
        var other = Path.Combine(s.Checkout, "elsewhere");
        Directory.CreateDirectory(other);
        var csv = ChurnData.Csv(3, 400);
        await File.WriteAllTextAsync(Path.Combine(other, "customers.csv"), csv);

        var sync = await s.MlopsAsync("pr", "sync", "--pr", "9", "--head-sha", Sha1, "--dry-run", "--data-path", "elsewhere");
        var missing = await s.MlopsAsync("pr", "sync", "--pr", "10", "--head-sha", Sha1, "--dry-run", "--data-path", "nowhere");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        var repository = await s.OpenRepositoryAsync();
        var entry = await repository.FindAsync(await repository.ResolveAsync("pr-9", CancellationToken.None), "churn/customers.csv", CancellationToken.None);
        Assert.Equal(MlopsCi.Core.Storage.Hashing.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(csv)), entry?.Hash);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("is not a folder", missing.Error, StringComparison.Ordinal);
        Assert.Contains("--data-path", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_without_merging_deletes_the_data_branch_and_says_so_in_the_comment()
    {
        await using var s = await StartAsync();
        s.OpenPullRequest(1, Sha1);
        await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");

        var close = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("closed", 1, Sha1), "auto");
        var again = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("closed", 1, Sha1), "close");

        Assert.True(close.ExitCode == 0, close.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Null(await (await s.OpenRepositoryAsync()).TryGetBranchAsync("pr-1", CancellationToken.None));
        Assert.Contains("🗑️ **Closed without merging**", Assert.Single(s.Comments(1)).Body, StringComparison.Ordinal);
        Assert.Empty(await s.VersionsAsync());
        Assert.Equal(2, await s.CommitCountAsync("main"));
    }
}
