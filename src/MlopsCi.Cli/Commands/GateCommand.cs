using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Services;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// <c>mlops gate</c>: the spec's gates on one run, alone (min/max on the run's recorded metrics, no rescoring) or
/// against a baseline (both models scored on the run's evaluation rows, as <c>runs compare</c> does).
/// Exit 1 lists each failing gate with the spec file and line it was written on.
/// </summary>
internal sealed class GateCommand : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("gate", [], [new("run", "run-id", "the candidate run", Required: true), new("baseline", "name@alias|name:version|run-id", "compare with this model (max-regression gates need one)"), TrainingCommands.Spec, new("resamples", "n", "bootstrap resamples with --baseline (default 1000)"), new("seed", "n", "bootstrap seed (default 1)")], "Evaluate the spec's gates on a run (exit 1 listing each failing gate with its spec file and line).", GateAsync),
    ];

    private static async Task<int> GateAsync(CommandContext ctx)
    {
        var runId = TrainingCommands.Required(ctx, "run", "20260101-120000-abcd1234");
        var specFile = Path.GetFullPath(ctx.Args.Option("spec") ?? "mlops.yml", ctx.WorkingDirectory);
        var gates = (await TrainingCommands.LoadSpecAsync(ctx)).Gates;
        var baselineRef = ctx.Args.Option("baseline");
        IReadOnlyList<GateResult> results;
        string? baselineRun = null;
        EvaluationRows? evaluation = null;
        if (baselineRef is null)
        {
            var run = await new ModelResolver(await ctx.OpenStoreAsync()).ResolveAsync(runId, ctx.Cancellation);
            results = GateEvaluator.Evaluate(gates, run.Run.Metrics, null);
        }
        else
        {
            var options = new BootstrapOptions(ctx.Args.IntOption("resamples", 1000), ctx.Args.IntOption("seed", 1));
            var comparison = await new CompareService(await ctx.OpenRepositoryAsync(), ctx.Services.CreateTrainer()).CompareRunsAsync(baselineRef, runId, gates, options, ctx.Cancellation);
            baselineRun = comparison.Baseline.Run.Id;
            evaluation = comparison.Evaluation;
            results = comparison.Comparison.Gates;
        }

        var passed = results.All(g => g.Passed);
        ctx.Write(new { run = runId, baseline = baselineRef, baselineRun, spec = specFile, passed, evaluation = evaluation is null ? null : TrainingViews.Json(evaluation), gates = results.Select(g => Json(g, specFile)) }, w =>
        {
            if (evaluation is not null)
                TrainingViews.WriteEvaluation(w, evaluation);
            if (results.Count == 0)
                w.WriteLine($"{specFile} has no gates; nothing to check.");
            foreach (var g in results)
                w.WriteLine($"{FileOf(g.Gate.Location, specFile)}({g.Gate.Location.Line}): gate {(g.Passed ? "passed" : "FAILED")}: {g.Reason}");
        });
        return passed ? 0 : 1;
    }

    private static object Json(GateResult g, string specFile) => new
    {
        metric = g.Gate.Metric,
        passed = g.Passed,
        candidate = g.Candidate,
        baseline = g.Baseline,
        reason = g.Reason,
        file = FileOf(g.Gate.Location, specFile),
        line = g.Gate.Location.Line,
    };

    // The parser records the file name only; point at the file that was actually read so build tools can link to it.
    private static string FileOf(SpecLocation location, string specFile) =>
        string.Equals(location.File, Path.GetFileName(specFile), StringComparison.Ordinal) ? specFile : Path.GetFullPath(location.File, Path.GetDirectoryName(specFile)!);
}
