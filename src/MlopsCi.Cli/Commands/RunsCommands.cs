using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops runs list|show|compare</c>: the recorded experiment runs.</summary>
internal sealed class RunsCommands : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("runs list", [], [new("model", "name", "only runs of this model")], "List runs, newest first.", ListAsync),
        new("runs show", ["run-id"], [], "Show a run: status, data, params, metrics, features, environment.", ShowAsync),
        new("runs compare", ["baseline-run", "candidate-run"], [TrainingCommands.Spec, new("resamples", "n", "bootstrap resamples (default 1000)"), new("seed", "n", "bootstrap seed (default 1)")], "Compare two runs on the candidate's evaluation rows: delta, 95% CI, verdict, gates (exit 1 when a gate fails).", CompareAsync),
    ];

    private static async Task<int> ListAsync(CommandContext ctx)
    {
        var runs = await new RunStore(await ctx.OpenStoreAsync()).ListAsync(ctx.Args.Option("model"), ctx.Cancellation);
        ctx.Write(runs.Select(r => new { id = r.Id, model = r.ModelName, status = r.Status, start = r.StartTime, dataRef = r.DataRef, dataCommit = r.DataCommit, specHash = r.SpecHash, modelHash = r.ModelHash, metrics = r.Metrics, error = r.Error }), w =>
        {
            if (runs.Count == 0)
                w.WriteLine(ctx.Args.Option("model") is { } model ? $"No runs of '{model}' yet. 'mlops train --ref main' trains one." : "No runs yet. 'mlops train --ref main' trains one.");
            foreach (var run in runs)
            {
                var headline = run.Metrics.Count > 0 ? $"{MetricFor(run)} {TrainingViews.F(run.Metrics[MetricFor(run)])}" : run.Error ?? "";
                w.WriteLine($"{run.Id,-26} {run.ModelName,-20} {run.Status.ToString().ToLowerInvariant(),-9} {run.StartTime:yyyy-MM-dd HH:mm}  {run.DataRef}@{TrainingViews.Short(run.DataCommit)}  {headline}");
            }
        });
        return 0;
    }

    private static async Task<int> ShowAsync(CommandContext ctx)
    {
        var run = await new RunStore(await ctx.OpenStoreAsync()).GetAsync(ctx.Args.Argument("run-id"), ctx.Cancellation);
        ctx.Write(run, w => TrainingViews.WriteRun(w, run));
        return 0;
    }

    private static async Task<int> CompareAsync(CommandContext ctx)
    {
        var specFile = Path.GetFullPath(ctx.Args.Option("spec") ?? "mlops.yml", ctx.WorkingDirectory);
        IReadOnlyList<GateSpec> gates = File.Exists(specFile) || ctx.Args.Option("spec") is not null ? (await TrainingCommands.LoadSpecAsync(ctx)).Gates : [];
        var options = new BootstrapOptions(ctx.Args.IntOption("resamples", 1000), ctx.Args.IntOption("seed", 1));
        var service = new CompareService(await ctx.OpenRepositoryAsync(), ctx.Services.CreateTrainer());
        var result = await service.CompareRunsAsync(ctx.Args.Argument("baseline-run"), ctx.Args.Argument("candidate-run"), gates, options, ctx.Cancellation);
        var (baseline, candidate) = (result.Baseline.Run, result.Candidate.Run);
        var parameters = baseline.Params.Keys.Union(candidate.Params.Keys).Order(StringComparer.Ordinal)
            .Select(k => new { name = k, baseline = baseline.Params.GetValueOrDefault(k), candidate = candidate.Params.GetValueOrDefault(k) }).ToList();
        var json = new
        {
            baseline = baseline.Id,
            candidate = candidate.Id,
            dataCommit = result.DataCommit,
            evaluation = TrainingViews.Json(result.Evaluation),
            comparison = TrainingViews.Json(result.Comparison),
            confusion = new { baseline = AnalysisViews.Json(result.BaselineConfusion), candidate = AnalysisViews.Json(result.CandidateConfusion) },
            slices = AnalysisViews.Json(result.Slices),
            @params = parameters,
        };
        ctx.Write(json, w =>
        {
            w.WriteLine($"baseline {baseline.Id} vs candidate {candidate.Id} on data {TrainingViews.Short(result.DataCommit)}");
            TrainingViews.WriteEvaluation(w, result.Evaluation);
            TrainingViews.WriteComparison(w, result.Comparison);
            if (result.BaselineConfusion is { } before && result.CandidateConfusion is { } after)
            {
                w.WriteLine("confusion matrix, baseline:");
                AnalysisViews.WriteConfusion(w, before);
                w.WriteLine("confusion matrix, candidate:");
                AnalysisViews.WriteConfusion(w, after);
            }

            AnalysisViews.WriteSlices(w, result.Slices);
            w.WriteLine("params:");
            foreach (var p in parameters)
                w.WriteLine($"  {p.name,-24} {p.baseline ?? "-",16} {p.candidate ?? "-",16}{(p.baseline == p.candidate ? "" : "  *")}");
        });
        return result.Comparison.GatesPassed ? 0 : 1;
    }

    private static string MetricFor(RunRecord run) =>
        run.Metrics.ContainsKey(Core.Training.MetricNames.Primary(run.Spec.Task)) ? Core.Training.MetricNames.Primary(run.Spec.Task) : run.Metrics.Keys.First();
}
