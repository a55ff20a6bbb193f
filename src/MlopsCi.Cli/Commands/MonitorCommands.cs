using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Monitoring;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Runs;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops monitor</c>, <c>mlops monitor history</c> and <c>mlops retrain</c>: watch the champion on new data and retrain it.</summary>
internal sealed class MonitorCommands : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("monitor", [],
            [
                new("model", "name@alias", "the model to score, e.g. flight-delay@champion", Required: true),
                new("ref", "data-ref", "the labelled data, e.g. the newest period", Required: true),
                new("path", "file", "score every row of this file instead of the spec's evaluation rows"),
                TrainingCommands.Spec,
            ],
            "Score a registered model on labelled data at a ref, record it, exit 1 when a metric degraded beyond monitor.max-degradation.", MonitorAsync),
        new("monitor history", ["name"], [new("md", null, "Markdown with a Mermaid chart"), new("metric", "name", "the metric to show (the task's primary metric)"), new("max", "n", "the latest n entries (50)")], "Show a model's monitoring and retraining history.", HistoryAsync),
        new("retrain", [],
            [
                new("ref", "data-ref", "the data to train on (main)"),
                TrainingCommands.Spec,
                new("alias", "name", "the alias to compare with and promote (champion)"),
                new("git-sha", "sha", "git commit of the code and spec (else $GITHUB_SHA)"),
            ],
            "Train on the latest data, compare with the champion on the latest held-out rows, promote when better per the gates.", RetrainAsync),
    ];

    private static async Task<int> MonitorAsync(CommandContext ctx)
    {
        var model = TrainingCommands.Required(ctx, "model", "flight-delay@champion");
        var dataRef = TrainingCommands.Required(ctx, "ref", "main");
        var spec = await DriftCommands.OptionalSpecAsync(ctx);
        var request = new MonitorRequest(model, dataRef, ctx.Args.Option("path"), spec?.Monitor ?? MonitorSpec.Default, spec?.Gates ?? []);
        var result = await new MonitorService(await ctx.OpenRepositoryAsync(), ctx.Services.CreateTrainer()).MonitorAsync(request, ctx.Cancellation);
        var record = result.Record;
        ctx.Write(record, w =>
        {
            w.WriteLine($"{model} (version {record.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}) on {record.Path} at {dataRef} ({TrainingViews.Short(record.DataCommit)}), {result.Evaluation.Predictions.Count:N0} rows: {record.Outcome}");
            TrainingViews.WriteEvaluation(w, result.Evaluation.Evaluation);
            WriteChecks(w, record);
            w.WriteLine(record.Reason);
        });
        await ReportAsync(ctx, record, ("degraded", result.Degraded ? "true" : "false"));
        if (result.Degraded)
            throw new OperationFailedException($"{model} degraded on '{dataRef}': {record.Reason}");
        return 0;
    }

    private static async Task<int> HistoryAsync(CommandContext ctx)
    {
        var name = ctx.Args.Argument("name");
        var records = await new MonitoringHistory(await ctx.OpenStoreAsync()).ListAsync(name, ctx.Cancellation);
        var shown = records.TakeLast(ctx.Args.IntOption("max", 50)).ToList();
        if (ctx.Args.Flag("md") && !ctx.Json)
        {
            ctx.Out.Write(MonitoringMarkdown.History(name, shown, ctx.Args.Option("metric"), shown.Count));
            return 0;
        }

        ctx.Write(shown, w =>
        {
            if (shown.Count == 0)
                w.WriteLine($"No monitoring history for '{name}' yet: run 'mlops monitor' or 'mlops retrain'.");
            foreach (var r in shown)
            {
                var metric = ctx.Args.Option("metric") ?? r.Metric;
                var value = r.Metrics.TryGetValue(metric, out var v) ? TrainingViews.F(v) : "–";
                var reference = r.Reference.TryGetValue(metric, out var rv) ? TrainingViews.F(rv) : "–";
                w.WriteLine($"{r.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {r.Kind.ToString().ToLowerInvariant(),-7}  v{r.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–",-3}  {r.DataRef}@{TrainingViews.Short(r.DataCommit)}  {metric} {value} (reference {reference})  {r.Outcome}");
                w.WriteLine($"    {r.Reason}");
            }
        });
        return 0;
    }

    private static async Task<int> RetrainAsync(CommandContext ctx)
    {
        var spec = await TrainingCommands.LoadSpecAsync(ctx);
        var model = spec.RequireModel();
        var dataRef = ctx.Args.Option("ref") ?? "main";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if ((ctx.Args.Option("git-sha") ?? ctx.Actions.Sha) is { Length: > 0 } sha)
            tags[RunTags.GitSha] = sha;
        if (ctx.Actions.Repository is { } repository)
            tags[RunTags.Repository] = repository;
        if (!ctx.Json)
            ctx.Error.WriteLine($"Retraining '{model.Name}' on '{dataRef}' …");
        var service = new RetrainService(await ctx.OpenRepositoryAsync(), ctx.Services.CreateTrainer());
        var specFile = await PrRun.SpecSourceAsync(ctx, Path.GetFullPath(ctx.Args.Option("spec") ?? "mlops.yml", ctx.WorkingDirectory));
        var request = new RetrainRequest(model, spec.Gates, dataRef, ctx.Args.Option("alias") ?? "champion", tags) { SpecFile = specFile };
        var result = await service.RetrainAsync(request, ctx.Cancellation);
        var json = new { run = result.Run.Id, promoted = result.IsPromoted, version = result.Promoted?.Version, decision = result.Record.Outcome, reason = result.Record.Reason, evaluation = result.Comparison is { } e ? TrainingViews.Json(e.Evaluation) : null, comparison = result.Comparison is { } c ? TrainingViews.Json(c.Comparison) : null };
        ctx.Write(json, w =>
        {
            w.WriteLine($"run {result.Run.Id} on {dataRef} ({TrainingViews.Short(result.Run.DataCommit)}): {result.Record.Outcome}");
            if (result.Comparison is { } comparison)
            {
                TrainingViews.WriteEvaluation(w, comparison.Evaluation);
                TrainingViews.WriteComparison(w, comparison.Comparison);
            }
            w.WriteLine(result.Record.Reason);
        });
        await ReportAsync(ctx, result.Record, ("promoted", result.IsPromoted ? "true" : "false"), ("version", result.Promoted?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""), ("run-id", result.Run.Id));
        return 0;
    }

    private static void WriteChecks(TextWriter w, MonitoringRecord record)
    {
        foreach (var c in record.Checks)
        {
            var change = c.Worsening > 0 ? $"worse by {TrainingViews.F(c.Worsening)}" : c.Worsening < 0 ? $"better by {TrainingViews.F(-c.Worsening)}" : "unchanged";
            w.WriteLine($"  {c.Metric,-20} {TrainingViews.F(c.Value),10}  reference {TrainingViews.F(c.Reference),10}  {change,-18} (allowed worse by {TrainingViews.F(c.Allowed)})  {(c.Passed ? "ok" : "DEGRADED")}");
        }
    }

    /// <summary>Inside GitHub Actions: the entry as Markdown in the step summary, and step outputs.</summary>
    private static async Task ReportAsync(CommandContext ctx, MonitoringRecord record, params (string Name, string Value)[] outputs)
    {
        if (StepSummaryWriter.FromEnvironment(ctx.Actions) is { } summary)
            await summary.AppendAsync(MonitoringMarkdown.Entry(record), ctx.Cancellation);
        if (GitHubOutputWriter.FromEnvironment(ctx.Actions) is { } writer)
        {
            foreach (var (name, value) in outputs.Append(("outcome", record.Outcome)))
                await writer.SetAsync(name, value, ctx.Cancellation);
        }
    }
}
