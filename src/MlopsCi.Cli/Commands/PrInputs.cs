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
            throw new UsageException($"No head commit for pull request #{number}: pass --head-sha <sha> (or set GITHUB_SHA).", options.For);
        return new PrInputs(number ?? 0, head ?? "", repository, baseRef, gitHubEvent, approvals, spec);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
