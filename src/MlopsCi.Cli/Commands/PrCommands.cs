using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Specs;
using MlopsCi.Core.PullRequests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Specs;
using MlopsCi.GitHub;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops pr sync|merge|close|auto</c>: the pull-request lifecycle on GitHub, or locally with <c>--dry-run</c>.</summary>
internal sealed class PrCommands : ICommandGroup
{
    private static readonly OptionSpec[] Options =
    [
        new("pr", "number", "the pull request (else from the GitHub event)"),
        new("head-sha", "sha", "its head commit (else from the event, else GITHUB_SHA)"),
        new("repo", "owner/name", "the code repository (else GITHUB_REPOSITORY)"),
        new("base", "branch", "the pull request's base branch; only pull requests into the data repository's default branch are handled"),
        new("spec", "file", "the spec (mlops.yml in the current folder)"),
        new("data-path", "folder", "the folder holding the pull request's data (else data.path in the spec)"),
        new("required-approvals", "n", "approvals at the head commit needed to merge (1)"),
        new("dry-run", null, "call no GitHub API: write the report to --out and stdout"),
        new("out", "file", "also write the report here (dry run: mlops-report.md)"),
        new("full-out", "file", "also write the full report here (the comment's version is shortened to fit GitHub's limit)"),
        new("approved", null, "dry run: treat the head commit as approved"),
    ];

    public IEnumerable<CommandSpec> Commands =>
    [
        new("pr sync", [], Options, "Branch the PR's data, commit it, train, compare with the champion, post the report and a commit status.", ctx => RunAsync(ctx, PrCommand.Sync)),
        new("pr merge", [], Options, "If approved at the head commit (or merged): merge the data into main, register the model, move champion.", ctx => RunAsync(ctx, PrCommand.Merge)),
        new("pr close", [], Options, "Delete the data branch of a PR closed without merging; say so in its comment.", ctx => RunAsync(ctx, PrCommand.Close)),
        new("pr auto", [], Options, "Run sync, merge or close, whichever the GitHub event calls for.", ctx => RunAsync(ctx, PrCommand.None)),
    ];

    private static async Task<int> RunAsync(CommandContext ctx, PrCommand command)
    {
        // The runner reads workflow commands from stderr too; with --json, stdout holds the JSON alone.
        if (ctx.InGitHubActions && PrRun.Token(ctx.Actions) is { Length: > 0 } token)
            new WorkflowCommands(ctx.Json ? ctx.Error : ctx.Out).AddMask(token);
        var options = new PrRunOptions(command, ctx.Args.Command)
        {
            Pr = ctx.Args.Option("pr"),
            HeadSha = ctx.Args.Option("head-sha"),
            Repository = ctx.Args.Option("repo"),
            BaseRef = ctx.Args.Option("base"),
            SpecFile = ctx.Args.Option("spec"),
            DataPath = ctx.Args.Option("data-path"),
            RequiredApprovals = ctx.Args.Option("required-approvals"),
            DryRun = ctx.Args.Flag("dry-run"),
            Approved = ctx.Args.Flag("approved"),
            ReportFile = ctx.Args.Option("out"),
            FullReportFile = ctx.Args.Option("full-out"),
        };
        var run = await PrRun.RunAsync(ctx, options);
        Write(ctx, run.Flow, options.DryRun ? run.Markdown : null, run.ReportFile);
        return run.Flow.ExitCode;
    }

    private static void Write(CommandContext ctx, FlowResult result, string? dryRunReport, string? reportFile)
    {
        var json = new
        {
            command = result.Command.ToString().ToLowerInvariant(),
            exitCode = result.ExitCode,
            message = result.Message,
            commentUrl = result.Comment?.HtmlUrl.ToString(),
            reportFile,
            outcome = result.Report?.Outcome.Kind.ToString().ToLowerInvariant(),
            gatesPassed = result.Report?.Comparison?.GatesPassed,
            candidateRun = result.Report?.Lineage.CandidateRun,
            modelVersion = result.Report?.Outcome.ModelVersion,
        };
        ctx.Write(json, w =>
        {
            if (dryRunReport is not null)
            {
                w.WriteLine();
                w.WriteLine(dryRunReport);
            }

            if (reportFile is not null && result.Report is not null)
                w.WriteLine($"Report: {reportFile}");
            w.WriteLine((result.ExitCode == 0 ? "✔ " : "✘ ") + result.Message);
        });
    }
}
