using System.Globalization;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Cli.Commands;

/// <summary>How runs, metrics and comparisons look on the console.</summary>
internal static class TrainingViews
{
    public static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static void WriteMetrics(TextWriter w, IReadOnlyDictionary<string, double> metrics)
    {
        foreach (var (name, value) in metrics.OrderBy(m => m.Key.Contains(':', StringComparison.Ordinal)).ThenBy(m => m.Key, StringComparer.Ordinal))
            w.WriteLine($"  {name,-24} {F(value),12}");
    }

    public static void WriteRun(TextWriter w, RunRecord run)
    {
        w.WriteLine($"run {run.Id}  {run.ModelName}  {run.Status.ToString().ToLowerInvariant()}{(run.DurationSeconds is { } s ? $"  {s:0.0} s" : "")}");
        if (run.Error is not null)
            w.WriteLine($"error: {run.Error}");
        w.WriteLine($"data: {run.DataRef} @ {Short(run.DataCommit)}  ({run.TrainRows:N0} train rows, {run.TestRows:N0} evaluation rows{(run.Unlabelled?.Describe() is { } unlabelled ? "; " + unlabelled : "")})");
        if (run.Unlabelled?.Warning is { } warning)
            w.WriteLine("warning: " + warning);
        foreach (var dataset in run.Datasets)
            w.WriteLine($"  {dataset.Role,-6} {dataset.Path}  {dataset.Digest[..Math.Min(19, dataset.Digest.Length)]}…  {dataset.Size:N0} bytes");
        if (run.Evaluation is { } evaluation)
            WriteEvaluation(w, evaluation);
        w.WriteLine($"params: {string.Join(", ", run.Params.Select(p => $"{p.Key}={p.Value}"))}");
        if (run.Tags.Count > 0)
            w.WriteLine($"tags: {string.Join(", ", run.Tags.Select(t => $"{t.Key}={t.Value}"))}");
        if (run.Metrics.Count > 0)
        {
            w.WriteLine("metrics:");
            WriteMetrics(w, run.Metrics);
        }

        if (run.Analysis is { } analysis)
            AnalysisViews.WriteAnalysis(w, analysis);
        if (run.FeatureImportance.Count > 0)
            w.WriteLine($"top features: {string.Join(", ", run.FeatureImportance.Take(5).Select(f => $"{f.Feature} ({F(f.Importance)})"))}");
        if (run.ModelHash is not null)
            w.WriteLine($"model: {run.ModelHash}  spec: {Short(run.SpecHash)}");
        w.WriteLine($"environment: {run.Environment.Os}, {run.Environment.Runtime}, {run.Environment.CpuCount} CPUs, {string.Join(", ", run.Environment.Packages.Select(p => $"{p.Key} {p.Value}"))}");
    }

    public static void WriteComparison(TextWriter w, Comparison comparison)
    {
        w.WriteLine($"{"metric",-24} {"baseline",10} {"candidate",10} {"delta",10}  {"95% CI",-22} verdict");
        foreach (var m in comparison.Metrics)
        {
            var ci = $"[{F(m.CiLow)}, {F(m.CiHigh)}]";
            w.WriteLine($"{m.Metric,-24} {F(m.Baseline),10} {F(m.Candidate),10} {(m.Delta >= 0 ? "+" : "") + F(m.Delta),10}  {ci,-22} {Verdict(m.Verdict)}");
        }

        w.WriteLine($"({comparison.Rows:N0} rows, paired bootstrap of {comparison.Bootstrap.Resamples:N0} resamples, seed {comparison.Bootstrap.Seed})");
        AnalysisViews.WriteTests(w, comparison.Tests);
        foreach (var gate in comparison.Gates)
            w.WriteLine($"gate {(gate.Passed ? "passed" : "FAILED")}: {gate.Reason}");
    }

    /// <summary>The evaluation line (rows scored, rows left out as seen in training or unlabelled) and the few-rows warning.</summary>
    public static void WriteEvaluation(TextWriter w, EvaluationRows evaluation)
    {
        w.WriteLine(evaluation.Describe());
        if (evaluation.Warning is { } warning)
            w.WriteLine("warning: " + warning);
    }

    public static object Json(EvaluationRows evaluation) => new
    {
        rows = evaluation.Rows,
        leftOut = evaluation.LeftOut,
        unlabelled = evaluation.Unlabelled,
        models = evaluation.Models.Select(m => new { role = m.Role, model = m.Model, seenInTraining = m.Seen, fingerprints = m.Seen is not null }),
        line = evaluation.Describe(),
        warning = evaluation.Warning,
    };

    public static string Verdict(Verdict verdict) => verdict switch
    {
        Core.Training.Evaluation.Verdict.Better => "better",
        Core.Training.Evaluation.Verdict.Worse => "worse",
        _ => "no significant change",
    };

    public static object Json(Comparison comparison) => new
    {
        rows = comparison.Rows,
        resamples = comparison.Bootstrap.Resamples,
        seed = comparison.Bootstrap.Seed,
        metrics = comparison.Metrics.Select(m => new { metric = m.Metric, baseline = m.Baseline, candidate = m.Candidate, delta = m.Delta, ciLow = m.CiLow, ciHigh = m.CiHigh, verdict = Verdict(m.Verdict), higherIsBetter = m.HigherIsBetter }),
        gates = comparison.Gates.Select(g => new { metric = g.Gate.Metric, passed = g.Passed, candidate = g.Candidate, baseline = g.Baseline, reason = g.Reason }),
        gatesPassed = comparison.GatesPassed,
        tests = AnalysisViews.Json(comparison.Tests),
    };

    public static string Short(string id) => id.Length > 12 ? id[..12] : id;
}
