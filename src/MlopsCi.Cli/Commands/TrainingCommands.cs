using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Specs;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops train|evaluate</c>: train on data read straight from the store at a ref; score a model on data at a ref.</summary>
internal sealed class TrainingCommands : ICommandGroup
{
    internal static readonly OptionSpec Spec = new("spec", "file", "the spec file (mlops.yml)");

    public IEnumerable<CommandSpec> Commands =>
    [
        new("train", [], [new("ref", "data-ref", "branch, tag or commit of the data", Required: true), Spec, new("git-sha", "sha", "git commit of the code and spec (else $GITHUB_SHA)")], "Train the spec's model on data at a ref, evaluate it and record the run.", TrainAsync),
        new("evaluate", [], [new("model", "run-id|name@alias|name:version", "the model", Required: true), new("ref", "data-ref", "the data", Required: true), new("path", "file", "score every row of this file instead of the spec's evaluation rows")], "Score a model on data at a ref.", EvaluateAsync),
        new("predict", [], [new("model", "run-id|name@alias|name:version", "the model", Required: true), new("ref", "data-ref", "the data (with --path)"), new("path", "file", "file in the data repository at --ref"), new("input", "file", "a local file instead of --ref/--path"), new("out", "file.csv|file.parquet", "where to write every row with its prediction (CSV or Parquet, by the extension)", Required: true)], "Write every row of a file with the model's prediction (labels not needed).", PredictAsync),
    ];

    internal static async Task<MlopsSpec> LoadSpecAsync(CommandContext ctx) =>
        await MlopsSpecParser.LoadAsync(Path.GetFullPath(ctx.Args.Option("spec") ?? "mlops.yml", ctx.WorkingDirectory), ctx.Cancellation);

    internal static string Required(CommandContext ctx, string option, string example) =>
        ctx.Args.Option(option) ?? throw new UsageException($"--{option} is required (e.g. --{option} {example}).", ctx.Args.Command);

    private static async Task<int> TrainAsync(CommandContext ctx)
    {
        var dataRef = Required(ctx, "ref", "main");
        var spec = (await LoadSpecAsync(ctx)).RequireModel();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if ((ctx.Args.Option("git-sha") ?? ctx.Actions.Sha) is { Length: > 0 } sha)
            tags[RunTags.GitSha] = sha;
        if (ctx.Actions.Repository is { } repository)
            tags[RunTags.Repository] = repository;
        var service = new TrainingService(await ctx.OpenRepositoryAsync(), ctx.Services.CreateTrainer());
        if (!ctx.Json)
            ctx.Error.WriteLine($"Training '{spec.Name}' ({spec.Task.ToString().ToLowerInvariant()}, {spec.Trainer}) on '{dataRef}' …");
        var result = await service.TrainAsync(new TrainingRequest(spec, dataRef, tags), ctx.Cancellation);
        ctx.Write(result.Run, w =>
        {
            TrainingViews.WriteRun(w, result.Run);
            // A run recorded before runs kept their evaluation rows (an idempotent repeat) still shows this one's.
            if (result.Run.Evaluation is null && result.Evaluation is { } evaluation)
                TrainingViews.WriteEvaluation(w, evaluation);
        });
        return 0;
    }

    private static async Task<int> PredictAsync(CommandContext ctx)
    {
        var model = Required(ctx, "model", "flight-delay@champion");
        var output = Path.GetFullPath(Required(ctx, "out", "predictions.csv"), ctx.WorkingDirectory);
        if (!output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--out is a .csv or .parquet file (the extension chooses the format), not '{ctx.Args.Option("out")}'.", ctx.Args.Command);
        var input = ctx.Args.Option("input") is { } local ? Path.GetFullPath(local, ctx.WorkingDirectory) : null;
        if ((input is null) == (ctx.Args.Option("ref") is null))
            throw new UsageException("Name the rows: --ref <data-ref> --path <file>, or --input <local file> (one of the two).", ctx.Args.Command);
        var service = new PredictService(await ctx.OpenRepositoryAsync(), ctx.Services.CreateTrainer());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (resolved, rows) = await service.PredictAsync(model, ctx.Args.Option("ref"), ctx.Args.Option("path"), input, output, ctx.Cancellation);
        var seconds = clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? rows / seconds : 0;
        ctx.Write(new { model = resolved.Reference, run = resolved.Run.Id, modelHash = resolved.ModelHash, output, rows, seconds, rowsPerSecond = rate }, w =>
            w.WriteLine($"Wrote {rows:N0} rows with predictions of {resolved.Reference} (run {resolved.Run.Id}) to {output} in {seconds:0.0} s ({rate:N0} rows/s)."));
        return 0;
    }

    private static async Task<int> EvaluateAsync(CommandContext ctx)
    {
        var model = Required(ctx, "model", "flight-delay@champion");
        var dataRef = Required(ctx, "ref", "main");
        var service = new EvaluateService(await ctx.OpenRepositoryAsync(), ctx.Services.CreateTrainer());
        var result = await service.EvaluateAsync(model, dataRef, ctx.Args.Option("path"), ctx.Cancellation);
        var json = new { model = result.Model.Reference, run = result.Model.Run.Id, version = result.Model.Version?.Version, modelHash = result.Model.ModelHash, dataRef, dataCommit = result.DataCommit, path = result.Path, rows = result.Predictions.Count, evaluation = TrainingViews.Json(result.Evaluation), metrics = result.Metrics };
        ctx.Write(json, w =>
        {
            w.WriteLine($"{model} (run {result.Model.Run.Id}) on {result.Path} at {dataRef} ({TrainingViews.Short(result.DataCommit)}), {result.Predictions.Count:N0} rows:");
            TrainingViews.WriteEvaluation(w, result.Evaluation);
            TrainingViews.WriteMetrics(w, result.Metrics);
        });
        return 0;
    }
}
