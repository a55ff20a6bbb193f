using System.Diagnostics;

namespace MlopsCi.Action.Tests;

/// <summary>scripts/lint.sh: the action metadata schema, actionlint and dockerfilelint over the real files, and proof that they bite.</summary>
[Trait("Speed", "Slow")]
public sealed class LintSpecs
{
    [Fact]
    public async Task The_action_the_example_workflows_and_the_dockerfile_pass_the_linters()
    {
        var (exitCode, output) = await LintAsync(null);

        Assert.True(exitCode == 0, output);
        Assert.Contains("== action.yml: GitHub action metadata schema\nok", output, StringComparison.Ordinal);
        Assert.Contains("== actions/examples/pr.yml: actionlint", output, StringComparison.Ordinal);
        Assert.Contains("== actions/Dockerfile: dockerfilelint", output, StringComparison.Ordinal);
        Assert.Contains("lint: all checks passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unquoted_default_a_misspelt_event_and_a_careless_dockerfile_fail_the_linters()
    {
        using var tree = new TempFolder();
        tree.Write("action.yml", File.ReadAllText(RepositoryRoot.Combine("action.yml")).Replace("default: 'auto'", "default: auto", StringComparison.Ordinal));
        tree.Write("actions/examples/pr.yml", File.ReadAllText(RepositoryRoot.Combine("actions", "examples", "pr.yml")).Replace("pull_request_review:", "pull_request_reveiw:", StringComparison.Ordinal));
        tree.Write("actions/Dockerfile", "FROM debian\nRUN apt-get install curl\nENTRYPOINT app\n");

        var (exitCode, output) = await LintAsync(tree.Path);

        Assert.True(exitCode == 1, output);
        Assert.Contains("action.yml:11: default is not quoted:     default: auto", output, StringComparison.Ordinal);
        Assert.Contains("unknown Webhook event \"pull_request_reveiw\"", output, StringComparison.Ordinal);
        Assert.Contains("FAILED: actions/Dockerfile: dockerfilelint", output, StringComparison.Ordinal);
        Assert.Contains("lint: 4 check(s) failed", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> LintAsync(string? root)
    {
        var info = new ProcessStartInfo("bash", [RepositoryRoot.Combine("scripts", "lint.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment.Remove("GITHUB_ACTIONS");
        if (root is not null)
            info.Environment["MLOPS_LINT_ROOT"] = root;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
