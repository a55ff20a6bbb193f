using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Specs;
using MlopsCi.Core.PullRequests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Specs;
using MlopsCi.GitHub;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary>What one pull-request run is asked to do: the command and the values of <c>mlops pr</c>'s options (null: not given).</summary>
internal sealed record PrRunOptions(PrCommand Command, CommandSpec For)
{
    public string? Pr { get; init; }

    public string? HeadSha { get; init; }

    public string? Repository { get; init; }

    public string? BaseRef { get; init; }

    public string? SpecFile { get; init; }

    public string? DataPath { get; init; }

    public string? RequiredApprovals { get; init; }

    public bool DryRun { get; init; }

    public bool Approved { get; init; }

    public string? ReportFile { get; init; }

    public string? FullReportFile { get; init; }
}

/// <summary>A pull-request run's result: the flow's, the pull request it was about, and the rendered report and where it was written.</summary>
internal sealed record PrRunResult(FlowResult Flow, PrInputs Inputs, MlopsSpec? Spec, string? Markdown, string? ReportFile, string? FullReportFile);

/// <summary>
/// One pull-request run (inputs → flow result), shared by <c>mlops pr</c> and <c>mlops action</c>: resolves which pull
/// request and spec, opens the store and GitHub (or a dry-run host), runs sync, merge, close or auto, and writes the
/// report files. The callers only present the result.
/// </summary>
internal static class PrRun
{
    /// <summary>The GitHub token: the action's input, else GITHUB_TOKEN, else GH_TOKEN.</summary>
    public static string? Token(ActionsEnvironment actions) => actions.Inputs.Get("github-token") ?? actions.Token;

    public static async Task<PrRunResult> RunAsync(CommandContext ctx, PrRunOptions options)
    {
        var inputs = await PrInputs.ResolveAsync(ctx, options);
        if (options.Command == PrCommand.None && inputs.Event is null)
            throw new UsageException("'mlops pr auto' reads the triggering event: set GITHUB_EVENT_NAME and GITHUB_EVENT_PATH (GitHub Actions does), or run sync, merge or close.", options.For);
        var spec = WithDataPath(await MlopsSpecParser.LoadAsync(inputs.SpecPath, ctx.Cancellation), options.DataPath, ctx.WorkingDirectory);
        if (spec.Data is { } data)
            ctx.CheckoutPath = CheckoutPath(ctx, data, Path.GetDirectoryName(inputs.SpecPath)!);
        var repository = await ctx.OpenRepositoryAsync();
        if (inputs.BaseRef is { } target && target != repository.Info.DefaultBranch)
        {
            var skipped = new FlowResult(PrCommand.None, 0, $"Pull request #{inputs.Number} targets '{target}', not the data repository's default branch '{repository.Info.DefaultBranch}'; nothing to do. " +
                $"To run the lifecycle on pull requests into '{target}', use a data repository whose default branch is '{target}' (mlops data init --default-branch {target}).");
            return new PrRunResult(skipped, inputs, spec, null, null, null);
        }

        var dryRun = options.DryRun;
        if (!dryRun && inputs.Repository is null)
            throw new UsageException("Which GitHub repository? Pass --repo owner/name (or set GITHUB_REPOSITORY), or --dry-run to run locally without GitHub.", options.For);
        var reportFile = options.ReportFile is { } o ? Path.GetFullPath(o, ctx.WorkingDirectory) : dryRun ? Path.GetFullPath("mlops-report.md", ctx.WorkingDirectory) : null;
        var log = ctx.Json ? ctx.Error : ctx.Out;
        IPullRequestHost host = dryRun
            ? DryRunHost(ctx, options, inputs, reportFile!, log)
            : OctokitPullRequestHost.Create(GitHubHostOptions.FromEnvironment(ctx.Actions.WithRepository(inputs.Repository), Token(ctx.Actions)));
        var flow = ctx.Services.CreatePullRequestFlow(repository, host, new ActionsFlowOutput(log, ctx.Error, ctx.Actions));
        var context = new PullRequestContext(inputs.Number, inputs.HeadSha, inputs.Repository, spec, Path.GetDirectoryName(inputs.SpecPath)!, inputs.RequiredApprovals)
        {
            RunUrl = ctx.Actions.WithRepository(inputs.Repository).RunUrl,
            SpecSource = await SpecSourceAsync(ctx, inputs.SpecPath),
        };
        var result = options.Command switch
        {
            PrCommand.Sync => await flow.SyncAsync(context, ctx.Cancellation),
            PrCommand.Merge => await flow.MergeAsync(context, ctx.Cancellation),
            PrCommand.Close => await flow.CloseAsync(context, ctx.Cancellation),
            _ => await flow.AutoAsync(inputs.Event!, context, ctx.Cancellation),
        };
        var markdown = result.Report is null ? null : ReportMarkdown.Render(result.Report);
        if (reportFile is not null && markdown is not null && !dryRun)
            await File.WriteAllTextAsync(reportFile, markdown, ctx.Cancellation);
        var fullReportFile = options.FullReportFile is { } f ? Path.GetFullPath(f, ctx.WorkingDirectory) : null;
        if (fullReportFile is not null && result.Report is not null)
            await File.WriteAllTextAsync(fullReportFile, ReportMarkdown.Render(result.Report, PullRequestFlow.FullReportLength), ctx.Cancellation);
        return new PrRunResult(result, inputs, spec, markdown, reportFile, fullReportFile);
    }

    /// <summary><c>--data-path</c> replaces the spec's <c>data.path</c> (prefix and prepare command stay); without a data section it adds one (prefix: the root).</summary>
    private static MlopsSpec WithDataPath(MlopsSpec spec, string? dataPath, string workingDirectory)
    {
        if (dataPath is null)
            return spec;
        var folder = Path.GetFullPath(dataPath, workingDirectory);
        var location = new SpecLocation("--data-path", 0);
        return spec with { Data = spec.Data is { } data ? data with { Path = folder, Location = location } : new DataSpec(folder, "", null) { Location = location } };
    }

    private static DryRunPullRequestHost DryRunHost(CommandContext ctx, PrRunOptions options, PrInputs inputs, string reportFile, TextWriter log)
    {
        var url = new Uri(inputs.Repository is null ? $"file:///pull/{inputs.Number}" : $"https://github.com/{inputs.Repository}/pull/{inputs.Number}");
        var info = new PullRequestInfo(inputs.Number, $"Pull request #{inputs.Number}", inputs.HeadSha, inputs.Event?.HeadRef ?? "local", inputs.BaseRef ?? "main",
            "open", inputs.Event?.Merged ?? false, ctx.Environment("USER") ?? "local", false, url);
        var reviews = new List<PullRequestReview>();
        if (inputs.Event?.Review is { } review)
            reviews.Add(review);
        if (options.Approved)
            reviews.Add(new PullRequestReview(1, "local-reviewer", ReviewStates.Approved, inputs.HeadSha, DateTimeOffset.UtcNow));
        return new DryRunPullRequestHost(info, reviews, reportFile, line => log.WriteLine("• " + line));
    }

    // The spec's path from the repository root (GITHUB_WORKSPACE is the checkout's root) names the base branch's version.
    internal static async Task<SpecSource> SpecSourceAsync(CommandContext ctx, string specPath)
    {
        var root = CheckoutRoot(ctx);
        var relative = Path.GetRelativePath(root, specPath).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            relative = Path.GetFileName(specPath);
        return new SpecSource(await File.ReadAllTextAsync(specPath, ctx.Cancellation), relative, (text, source) => MlopsSpecParser.Parse(text, source));
    }

    // heart/train.csv with prefix 'heart' and data.path 'data' → data/train.csv, relative to the workspace (the repository root).
    private static Func<string, string?> CheckoutPath(CommandContext ctx, DataSpec data, string specFolder)
    {
        var folder = Path.GetFullPath(data.Path, specFolder);
        var root = CheckoutRoot(ctx);
        var prefix = data.Prefix.Trim('/');
        return path =>
        {
            if (prefix.Length > 0 && !path.StartsWith(prefix + "/", StringComparison.Ordinal))
                return null;
            var relative = Path.GetRelativePath(root, Path.Combine(folder, prefix.Length == 0 ? path : path[(prefix.Length + 1)..]));
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace('\\', '/');
        };
    }

    private static string CheckoutRoot(CommandContext ctx) => ctx.Actions.Workspace is { } w ? Path.GetFullPath(w) : ctx.WorkingDirectory;
}
