using System.Globalization;
using MlopsCi.Cli.Hosting;
using MlopsCi.Core.PullRequests;
using MlopsCi.GitHub.Events;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// Which pull request a <c>mlops pr</c> command is about: explicit options (<c>--pr --head-sha --repo --base</c>) win over
/// the triggering event (<c>GITHUB_EVENT_NAME</c> + <c>GITHUB_EVENT_PATH</c>), which wins over <c>GITHUB_SHA</c> and
/// <c>GITHUB_REPOSITORY</c>.
/// </summary>
internal sealed record PrInputs(int Number, string HeadSha, string? Repository, string? BaseRef, PullRequestEvent? Event, int RequiredApprovals, string SpecPath)
{
    public static async Task<PrInputs> ResolveAsync(CommandContext ctx, PrRunOptions options)
    {
        var actions = ctx.Actions;
        var inputs = actions.Inputs;
        PullRequestEvent? gitHubEvent = null;
        if (actions.EventName is not null && actions.EventPath is not null)
            gitHubEvent = await GitHubEventParser.FromEnvironmentAsync(actions, ctx.Cancellation);
        var number = options.Pr is { } pr
            ? int.TryParse(pr, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException($"--pr takes a pull request number, not '{pr}'.", options.For)
            : gitHubEvent?.PullRequestNumber;
        var head = options.HeadSha ?? gitHubEvent?.HeadSha ?? NonEmpty(actions.Sha);
        // A dry run on a developer's machine reports on what is checked out (./build.sh Report --pr 7).
        if (head is null && number is not null && options.DryRun)
            head = await CheckedOutCommitAsync(ctx.WorkingDirectory, ctx.Cancellation);
        var repository = options.Repository ?? gitHubEvent?.RepositoryFullName ?? NonEmpty(actions.Repository);
        var baseRef = options.BaseRef ?? gitHubEvent?.BaseRef;
        var required = options.RequiredApprovals ?? inputs.Get("required-approvals");
        var approvals = required is null ? 1
            : int.TryParse(required, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1 ? r
            : throw new UsageException($"--required-approvals takes a number of at least 1, not '{required}'.", options.For);
        var spec = Path.GetFullPath(options.SpecFile ?? inputs.Get("spec") ?? "mlops.yml", ctx.WorkingDirectory);
        if (number is null && options.Command != PrCommand.None)
            throw new UsageException("Which pull request? Pass --pr <number> (and --head-sha), or run on a pull_request or pull_request_review event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH).", options.For);
        if (number is not null && head is null)
            throw new UsageException($"No head commit for pull request #{number}: pass --head-sha <sha> (or set GITHUB_SHA){(options.DryRun ? "; a dry run takes the commit checked out in the working folder, which is not a git checkout here" : "")}.", options.For);
        return new PrInputs(number ?? 0, head ?? "", repository, baseRef, gitHubEvent, approvals, spec);
    }

    /// <summary>The commit checked out in <paramref name="folder"/> (<c>git rev-parse HEAD</c>), or null when there is none or no git.</summary>
    private static async Task<string?> CheckedOutCommitAsync(string folder, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", ["rev-parse", "--verify", "HEAD"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var git = System.Diagnostics.Process.Start(start);
            if (git is null)
                return null;
            var output = await git.StandardOutput.ReadToEndAsync(cancellationToken);
            await git.StandardError.ReadToEndAsync(cancellationToken);
            await git.WaitForExitAsync(cancellationToken);
            var sha = output.Trim();
            return git.ExitCode == 0 && sha.Length == 40 && sha.All(char.IsAsciiHexDigitLower) ? sha : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
