using System.Globalization;
using System.Text.Json;
using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Specs;
using MlopsCi.Core.Errors;
using MlopsCi.Core.PullRequests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// <c>mlops action</c>: the entrypoint of the action's container (action.yml). Masks the token, reads and checks the
/// inputs (<c>INPUT_*</c>), moves into the workspace (<c>GITHUB_WORKSPACE</c>, /github/workspace in the container) and
/// <c>working-directory</c>, runs <c>mlops pr &lt;command&gt;</c> (or <c>mlops retrain</c>) in-process, then writes the step outputs
/// (<c>GITHUB_OUTPUT</c>), the step summary and an <c>::error</c> annotation (with file and line when the error has them).
/// Each phase is a log group. Exit code: the pr command's (0, 1 failed, 2 bad input); a failing gate exits 0 with
/// <c>fail-on-gate: false</c>.
/// </summary>
internal sealed class ActionCommand : ICommandGroup
{
    private const string ContainerWorkspace = "/github/workspace";

    public IEnumerable<CommandSpec> Commands =>
    [
        new("action", [], [], "The GitHub Action's entrypoint: runs 'mlops pr <command>' as the INPUT_* variables of action.yml say, and writes the step's outputs and summary.", RunAsync),
    ];

    private static async Task<int> RunAsync(CommandContext ctx)
    {
        var log = new WorkflowCommands(ctx.Out);
        if (ctx.Actions.Inputs.Get("github-token") is { } token)
            log.AddMask(token);
        var workspace = Workspace(ctx);
        var (settings, invalid) = ReadSettings(ctx, log, workspace);
        if (settings is null)
            return await FinishAsync(ctx, log, null, ActionResult.Failed("action", invalid!.ExitCode, invalid.Message), null);

        if (!settings.MergePr && ctx.Actions.EventName == "pull_request_review" && settings.Command is "auto" or "merge")
            return await FinishAsync(ctx, log, settings, ActionResult.Skipped(settings.Command, "merge-pr is false: an approval does not merge the data branch; merging the pull request will."), null);
        ActionResult result;
        AnnotationProperties? where = null;
        using (log.BeginGroup(Title(settings)))
        {
            try
            {
                result = await RunPrAsync(ctx, settings, workspace);
            }
            catch (MlopsException e)
            {
                result = ActionResult.Failed(settings.Command, e.ExitCode, e.Message);
                where = ErrorLocation.Find(e.Message, workspace, [settings.WorkingDirectory, Path.GetDirectoryName(Path.GetFullPath(settings.Spec, settings.WorkingDirectory))!, workspace], Title(settings));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug, not an expected failure: the whole trace goes to the log.
                ctx.Error.WriteLine(e.ToString());
                result = ActionResult.Failed(settings.Command, 1, $"mlops stopped on an unexpected {e.GetType().Name}: {e.Message} — a bug in mlops; the log has the trace, please report it.");
            }
        }

        return await FinishAsync(ctx, log, settings, result, where);
    }

    private static (ActionSettings? Settings, InvalidInputException? Error) ReadSettings(CommandContext ctx, WorkflowCommands log, string workspace)
    {
        using var group = log.BeginGroup("mlops action: inputs");
        try
        {
            var settings = ActionSettings.Read(ctx.Environment, workspace);
            foreach (var line in settings.Describe())
                ctx.Out.WriteLine(line);
            return (settings, null);
        }
        catch (InvalidInputException e)
        {
            return (null, e);
        }
    }

    private static async Task<ActionResult> RunPrAsync(CommandContext ctx, ActionSettings settings, string workspace)
    {
        if (settings.Command == "retrain")
            return await RetrainAsync(ctx, settings);
        var command = MlopsCli.Commands.Single(c => c.Name == "pr " + settings.Command);
        var reportFile = Path.Combine(settings.WorkingDirectory, ".mlops", "report.md");
        var fullReportFile = Path.Combine(settings.WorkingDirectory, ".mlops", "report-full.md");
        Directory.CreateDirectory(Path.GetDirectoryName(reportFile)!);
        File.Delete(reportFile);
        File.Delete(fullReportFile);
        var options = new PrRunOptions(settings.Command == "auto" ? PrCommand.None : Enum.Parse<PrCommand>(settings.Command, ignoreCase: true), command)
        {
            SpecFile = settings.Spec,
            DataPath = settings.DataPath,
            RequiredApprovals = settings.RequiredApprovals?.ToString(CultureInfo.InvariantCulture),
            ReportFile = reportFile,
            FullReportFile = fullReportFile,
        };
        await using var inner = Inner(ctx, command, settings);
        var run = await PrRun.RunAsync(inner, options);
        var record = run.Flow.Command == PrCommand.None || run.Inputs.Number == 0 || run.Spec?.Model is not { } model
            ? null
            : await new PullRequestRecordStore(await inner.OpenStoreAsync()).TryGetAsync(run.Inputs.Number, model.Name, inner.Cancellation);
        return ActionResult.FromPr(run.Flow, record, InWorkspace(reportFile, workspace), InWorkspace(fullReportFile, workspace));
    }

    // The inner command runs in the working directory with the action's store inputs; its log and annotations go to
    // the step's log, and the step's outputs are written once, by FinishAsync: the inner command's own (gates-passed,
    // candidate-run, retrain's outcome …) would repeat or add undeclared ones, so it sees no GITHUB_OUTPUT.
    private static CommandContext Inner(CommandContext ctx, CommandSpec command, ActionSettings settings, TextWriter? output = null, params string[] more)
    {
        List<string> args = [.. more];
        if (settings.Store is not null)
            args.AddRange(["--store", settings.Store]);
        if (settings.S3Endpoint is not null)
            args.AddRange(["--s3-endpoint", settings.S3Endpoint]);
        return new CommandContext(ctx.Services, ParsedArguments.Parse(command, args), output ?? ctx.Out, ctx.Out, ctx.Environment, settings.WorkingDirectory, ctx.Cancellation)
        {
            Actions = ctx.Actions.WithoutOutputs(),
        };
    }

    // Retraining on push or schedule (actions/examples/retrain.yml): mlops retrain writes its summary; its decision is the
    // verdict output and the promoted version the model-version output.
    private static async Task<ActionResult> RetrainAsync(CommandContext ctx, ActionSettings settings)
    {
        var command = MlopsCli.Commands.Single(c => c.Name == "retrain");
        var captured = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode;
        await using (var inner = Inner(ctx, command, settings, captured, "--json", "--spec", settings.Spec))
        {
            try
            {
                exitCode = await command.Handler(inner);
            }
            finally
            {
                captured = Forward(captured, ctx.Out);
            }
        }

        var model = (await MlopsSpecParser.LoadAsync(Path.GetFullPath(settings.Spec, settings.WorkingDirectory), ctx.Cancellation)).RequireModel().Name;
        return ActionResult.FromRetrain(Parse(captured.ToString()), exitCode, model);
    }

    private static string? InWorkspace(string file, string workspace) =>
        File.Exists(file) ? Path.GetRelativePath(workspace, file).Replace('\\', '/') : null;

    // With --json the pr command's stdout is its JSON result, plus any workflow command (::add-mask::) meant for the runner.
    private static StringWriter Forward(StringWriter captured, TextWriter output)
    {
        var json = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var line in captured.ToString().Split('\n'))
        {
            if (line.StartsWith("::", StringComparison.Ordinal))
                output.WriteLine(line.TrimEnd('\r'));
            else
                json.WriteLine(line);
        }

        return json;
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static async Task<int> FinishAsync(CommandContext ctx, WorkflowCommands log, ActionSettings? settings, ActionResult result, AnnotationProperties? where)
    {
        var title = settings is null ? "mlops action" : Title(settings);
        using (log.BeginGroup("mlops action: outputs"))
        {
            var outputs = GitHubOutputWriter.FromEnvironment(ctx.Actions);
            foreach (var (name, value) in result.Outputs)
            {
                ctx.Out.WriteLine($"{name}: {value}");
                if (outputs is not null)
                    await outputs.SetAsync(name, value, ctx.Cancellation);
            }
        }

        var exitCode = result.ExitCode;
        if (exitCode == 1 && result.Outputs["verdict"] == "gate-failed" && settings is { FailOnGate: false })
        {
            log.Warning($"{result.Message} The step succeeds because fail-on-gate is false.", new AnnotationProperties(Title: title));
            exitCode = 0;
        }
        else if (exitCode != 0)
        {
            log.Error(result.Message, where ?? new AnnotationProperties(Title: title));
        }
        else
        {
            ctx.Out.WriteLine(result.Message);
        }

        if (StepSummaryWriter.FromEnvironment(ctx.Actions) is { } summary)
            await summary.AppendAsync(result.Summary(title), ctx.Cancellation);
        return exitCode;
    }

    private static string Title(ActionSettings settings) => settings.Command == "retrain" ? "mlops retrain" : "mlops pr " + settings.Command;

    private static string Workspace(CommandContext ctx)
    {
        if (ctx.Actions.Workspace is { } workspace && Directory.Exists(workspace))
            return Path.GetFullPath(workspace);
        return Directory.Exists(ContainerWorkspace) ? ContainerWorkspace : ctx.WorkingDirectory;
    }
}
