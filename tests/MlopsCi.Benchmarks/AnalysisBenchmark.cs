using System.Diagnostics;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Benchmarks;

/// <summary>
/// What the error analysis adds to a comparison, against the paired bootstrap it sits beside: DeLong's and McNemar's
/// tests and a run's error analysis on 1,000,000 binary rows, and slices (10 values) on 200,000 rows.
/// </summary>
internal sealed class AnalysisBenchmark : IBenchmark
{
    public string Name => "analysis";

    public Task RunAsync(BenchmarkContext context)
    {
        const string Reproduce = "./build.sh Benchmark --filter analysis";
        var (baseline, candidate) = Models(1_000_000);
        var tests = Time(() => SignificanceTests.For(baseline, candidate, [], 0.95));
        var analysis = Time(() => ErrorAnalysis.Of(candidate, MetricNames.Auc));
        var (smallBase, smallCandidate) = Models(200_000);
        var options = new BootstrapOptions(1000);
        var bootstrap = Time(() => PairedBootstrap.Compare(smallBase, smallCandidate, [], options));
        var slices = Time(() => SliceAnalysis.Compare(smallBase, smallCandidate, MetricNames.Auc, options));
        var smallTests = Time(() => SignificanceTests.For(smallBase, smallCandidate, [], 0.95));
        context.Figure("DeLong + McNemar, 1,000,000 rows", BenchmarkContext.Ms(tests), null, null, Reproduce);
        context.Figure("error analysis of a run (confusion, curves, 10 slices), 1,000,000 rows", BenchmarkContext.Ms(analysis), null, null, Reproduce);
        context.Figure("paired bootstrap, 200,000 rows, 1,000 resamples", BenchmarkContext.Ms(bootstrap), null, null, Reproduce);
        var added = smallTests / bootstrap;
        context.Figure("DeLong + McNemar / the bootstrap they sit beside, 200,000 rows", BenchmarkContext.Ratio(added), "≤ 0.05x", added <= 0.05, Reproduce);
        var ratio = slices / bootstrap;
        context.Figure("slices (10 values) / the whole-set bootstrap, 200,000 rows", BenchmarkContext.Ratio(ratio), "≤ 1.50x", ratio <= 1.5, Reproduce);
        return Task.CompletedTask;
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static (Predictions Baseline, Predictions Candidate) Models(int rows)
    {
        var random = new Random(1);
        var labels = new double[rows];
        var (b, c) = (new double[rows], new double[rows]);
        var slice = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
            b[i] = labels[i] + (random.NextDouble() * 2) - 1;
            c[i] = labels[i] + (random.NextDouble() * 1.8) - 0.9;
            slice[i] = "s" + random.Next(10);
        }

        var slices = new Dictionary<string, string[]> { ["segment"] = slice };
        Predictions Of(double[] scores) => new(ModelTask.Binary, ["no", "yes"], labels, [.. scores.Select(s => s > 0 ? 1.0 : 0.0)], scores, null) { Slices = slices };
        return (Of(b), Of(c));
    }
}
