using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Specs;
using MlopsCi.Core.PullRequests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Specs;
using MlopsCi.GitHub;
using MlopsCi.GitHub.Actions;
using MlopsCi.MLNet;

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

    /// <summary><c>--data-path</c> replaces the spec's <c>data.path</c> (prefix and prepare command stay); without a data section it adds one (prefix: the root).</summary>
    private static MlopsSpec WithDataPath(MlopsSpec spec, CommandContext ctx)
    {
        if (ctx.Args.Option("data-path") is not { } path)
            return spec;
        var folder = Path.GetFullPath(path, ctx.WorkingDirectory);
        var location = new SpecLocation("--data-path", 0);
        return spec with { Data = spec.Data is { } data ? data with { Path = folder, Location = location } : new DataSpec(folder, "", null) { Location = location } };
    }

    private static async Task<int> RunAsync(CommandContext ctx, PrCommand command)
    {
        var token = new ActionInputs(ctx.Environment).Get("github-token") ?? ctx.Environment("GITHUB_TOKEN") ?? ctx.Environment("GH_TOKEN");
        // The runner reads workflow commands from stderr too; with --json, stdout holds the JSON alone.
        if (ctx.InGitHubActions && !string.IsNullOrWhiteSpace(token))
            new WorkflowCommands(ctx.Json ? ctx.Error : ctx.Out).AddMask(token);
        var inputs = await PrInputs.ResolveAsync(ctx);
        if (command == PrCommand.None && inputs.Event is null)
            throw new UsageException("'mlops pr auto' reads the triggering event: set GITHUB_EVENT_NAME and GITHUB_EVENT_PATH (GitHub Actions does), or run sync, merge or close.", ctx.Args.Command);
        var spec = WithDataPath(await MlopsSpecParser.LoadAsync(inputs.SpecPath, ctx.Cancellation), ctx);
        if (spec.Data is { } data)
            ctx.CheckoutPath = CheckoutPath(ctx, data, Path.GetDirectoryName(inputs.SpecPath)!);
        var repository = await ctx.OpenRepositoryAsync();
        if (inputs.BaseRef is { } target && target != repository.Info.DefaultBranch)
        {
            var skipped = new FlowResult(PrCommand.None, 0, $"Pull request #{inputs.Number} targets '{target}', not the data repository's default branch '{repository.Info.DefaultBranch}'; nothing to do. " +
                $"To run the lifecycle on pull requests into '{target}', use a data repository whose default branch is '{target}' (mlops data init --default-branch {target}).");
            Write(ctx, skipped, null, null);
            return 0;
        }

        var dryRun = ctx.Args.Flag("dry-run");
        if (!dryRun && inputs.Repository is null)
            throw new UsageException("Which GitHub repository? Pass --repo owner/name (or set GITHUB_REPOSITORY), or --dry-run to run locally without GitHub.", ctx.Args.Command);
        var reportFile = ctx.Args.Option("out") is { } o ? Path.GetFullPath(o, ctx.WorkingDirectory) : dryRun ? Path.GetFullPath("mlops-report.md", ctx.WorkingDirectory) : null;
        var log = ctx.Json ? ctx.Error : ctx.Out;
        IPullRequestHost host = dryRun ? DryRunHost(ctx, inputs, reportFile!, log) : OctokitPullRequestHost.Create(GitHubHostOptions.FromEnvironment(WithRepository(ctx.Environment, inputs.Repository), token));
        var output = new ActionsFlowOutput(log, ctx.Error, ctx.Environment);
        var flow = new PullRequestFlow(repository, host, new ModelPipeline(repository, new MlNetTrainer()), output, new DriftServiceSource());
        var context = new PullRequestContext(inputs.Number, inputs.HeadSha, inputs.Repository, spec, Path.GetDirectoryName(inputs.SpecPath)!, inputs.RequiredApprovals)
        {
            RunUrl = new ActionsEnvironment(WithRepository(ctx.Environment, inputs.Repository)).RunUrl,
            SpecSource = await SpecSourceAsync(ctx, inputs.SpecPath),
        };
        var result = command switch
        {
            PrCommand.Sync => await flow.SyncAsync(context, ctx.Cancellation),
            PrCommand.Merge => await flow.MergeAsync(context, ctx.Cancellation),
            PrCommand.Close => await flow.CloseAsync(context, ctx.Cancellation),
            _ => await flow.AutoAsync(inputs.Event!, context, ctx.Cancellation),
        };
        var markdown = result.Report is null ? null : ReportMarkdown.Render(result.Report);
        if (reportFile is not null && markdown is not null && !dryRun)
            await File.WriteAllTextAsync(reportFile, markdown, ctx.Cancellation);
        var fullReportFile = ctx.Args.Option("full-out") is { } f ? Path.GetFullPath(f, ctx.WorkingDirectory) : null;
        if (fullReportFile is not null && result.Report is not null)
            await File.WriteAllTextAsync(fullReportFile, ReportMarkdown.Render(result.Report, PullRequestFlow.FullReportLength), ctx.Cancellation);
        Write(ctx, result, dryRun ? markdown : null, reportFile);
        return result.ExitCode;
    }

    private static DryRunPullRequestHost DryRunHost(CommandContext ctx, PrInputs inputs, string reportFile, TextWriter log)
    {
        var url = new Uri(inputs.Repository is null ? $"file:///pull/{inputs.Number}" : $"https://github.com/{inputs.Repository}/pull/{inputs.Number}");
        var info = new PullRequestInfo(inputs.Number, $"Pull request #{inputs.Number}", inputs.HeadSha, inputs.Event?.HeadRef ?? "local", inputs.BaseRef ?? "main",
            "open", inputs.Event?.Merged ?? false, ctx.Environment("USER") ?? "local", false, url);
        var reviews = new List<PullRequestReview>();
        if (inputs.Event?.Review is { } review)
            reviews.Add(review);
        if (ctx.Args.Flag("approved"))
            reviews.Add(new PullRequestReview(1, "local-reviewer", ReviewStates.Approved, inputs.HeadSha, DateTimeOffset.UtcNow));
        return new DryRunPullRequestHost(info, reviews, reportFile, line => log.WriteLine("• " + line));
    }

    // The spec's path from the repository root (GITHUB_WORKSPACE is the checkout's root) names the base branch's version.
    internal static async Task<SpecSource> SpecSourceAsync(CommandContext ctx, string specPath)
    {
        var root = ctx.Environment("GITHUB_WORKSPACE") is { Length: > 0 } w ? Path.GetFullPath(w) : ctx.WorkingDirectory;
        var relative = Path.GetRelativePath(root, specPath).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            relative = Path.GetFileName(specPath);
        return new SpecSource(await File.ReadAllTextAsync(specPath, ctx.Cancellation), relative, (text, source) => MlopsSpecParser.Parse(text, source));
    }

    // heart/train.csv with prefix 'heart' and data.path 'data' → data/train.csv, relative to the workspace (the repository root).
    private static Func<string, string?> CheckoutPath(CommandContext ctx, DataSpec data, string specFolder)
    {
        var folder = Path.GetFullPath(data.Path, specFolder);
        var root = ctx.Environment("GITHUB_WORKSPACE") is { Length: > 0 } w ? Path.GetFullPath(w) : ctx.WorkingDirectory;
        var prefix = data.Prefix.Trim('/');
        return path =>
        {
            if (prefix.Length > 0 && !path.StartsWith(prefix + "/", StringComparison.Ordinal))
                return null;
            var relative = Path.GetRelativePath(root, Path.Combine(folder, prefix.Length == 0 ? path : path[(prefix.Length + 1)..]));
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace('\\', '/');
        };
    }

    private static Func<string, string?> WithRepository(Func<string, string?> environment, string? repository) =>
        name => name == "GITHUB_REPOSITORY" && repository is not null ? repository : environment(name);

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
