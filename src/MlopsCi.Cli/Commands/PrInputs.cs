using System.Globalization;
using MlopsCi.Cli.Hosting;
using MlopsCi.Core.PullRequests;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// Which pull request a <c>mlops pr</c> command is about: explicit options (<c>--pr --head-sha --repo --base</c>) win over
/// the triggering event (<c>GITHUB_EVENT_NAME</c> + <c>GITHUB_EVENT_PATH</c>), which wins over <c>GITHUB_SHA</c> and
/// <c>GITHUB_REPOSITORY</c>.
/// </summary>
internal sealed record PrInputs(int Number, string HeadSha, string? Repository, string? BaseRef, GitHubEvent? Event, int RequiredApprovals, string SpecPath)
{
    public static async Task<PrInputs> ResolveAsync(CommandContext ctx)
    {
        var env = ctx.Environment;
        var inputs = new ActionInputs(env);
        GitHubEvent? gitHubEvent = null;
        if (env("GITHUB_EVENT_NAME") is { Length: > 0 } && env("GITHUB_EVENT_PATH") is { Length: > 0 })
            gitHubEvent = await GitHubEventParser.FromEnvironmentAsync(env, ctx.Cancellation);
        var number = ctx.Args.Option("pr") is { } pr
            ? int.TryParse(pr, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException($"--pr takes a pull request number, not '{pr}'.", ctx.Args.Command)
            : gitHubEvent?.PullRequestNumber;
        var head = ctx.Args.Option("head-sha") ?? gitHubEvent?.HeadSha ?? NonEmpty(env("GITHUB_SHA"));
        var repository = ctx.Args.Option("repo") ?? gitHubEvent?.RepositoryFullName ?? NonEmpty(env("GITHUB_REPOSITORY"));
        var baseRef = ctx.Args.Option("base") ?? gitHubEvent?.BaseRef;
        var required = ctx.Args.Option("required-approvals") ?? inputs.Get("required-approvals");
        var approvals = required is null ? 1
            : int.TryParse(required, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1 ? r
            : throw new UsageException($"--required-approvals takes a number of at least 1, not '{required}'.", ctx.Args.Command);
        var spec = Path.GetFullPath(ctx.Args.Option("spec") ?? inputs.Get("spec") ?? "mlops.yml", ctx.WorkingDirectory);
        if (number is null && ctx.Args.Command.Name != "pr auto")
            throw new UsageException("Which pull request? Pass --pr <number> (and --head-sha), or run on a pull_request or pull_request_review event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH).", ctx.Args.Command);
        if (number is not null && head is null)
            throw new UsageException($"No head commit for pull request #{number}: pass --head-sha <sha> (or set GITHUB_SHA).", ctx.Args.Command);
        return new PrInputs(number ?? 0, head ?? "", repository, baseRef, gitHubEvent, approvals, spec);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
