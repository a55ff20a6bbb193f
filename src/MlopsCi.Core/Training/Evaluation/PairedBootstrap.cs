using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Compares two models scored on the same rows: each resample draws the rows with replacement (seeded), both models'
/// metrics are recomputed on that same resample, and the percentile interval of the deltas gives the verdict.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Compares <paramref name="candidate"/> with <paramref name="baseline"/> and evaluates <paramref name="gates"/>.</summary>
    public static Comparison Compare(Predictions baseline, Predictions candidate, IReadOnlyList<GateSpec> gates, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(options);
        CheckSameRows(baseline, candidate);
        var baseMetrics = MetricCalculator.Compute(baseline);
        var candidateMetrics = MetricCalculator.Compute(candidate);
        var names = baseMetrics.Keys.Where(candidateMetrics.ContainsKey).ToList();
        var deltas = names.ToDictionary(n => n, _ => new List<double>(options.Resamples), StringComparer.Ordinal);
        var random = new Random(options.Seed);
        var weights = new int[baseline.Count];
        for (var r = 0; r < options.Resamples && baseline.Count > 0; r++)
        {
            Array.Clear(weights);
            for (var i = 0; i < weights.Length; i++)
                weights[random.Next(weights.Length)]++;
            var b = MetricCalculator.Compute(baseline, weights);
            var c = MetricCalculator.Compute(candidate, weights);
            foreach (var name in names)
            {
                if (b.TryGetValue(name, out var bv) && c.TryGetValue(name, out var cv))
                    deltas[name].Add(cv - bv);
            }
        }

        var alpha = (1 - options.Confidence) / 2;
        var metrics = names.Select(name =>
        {
            var sorted = deltas[name].Order().ToArray();
            var (low, high) = sorted.Length == 0 ? (double.NegativeInfinity, double.PositiveInfinity) : (Quantile(sorted, alpha), Quantile(sorted, 1 - alpha));
            var higher = MetricNames.HigherIsBetter(name);
            var verdict = low > 0 ? (higher ? Verdict.Better : Verdict.Worse)
                : high < 0 ? (higher ? Verdict.Worse : Verdict.Better)
                : Verdict.NoSignificantChange;
            return new MetricComparison(name, baseMetrics[name], candidateMetrics[name], candidateMetrics[name] - baseMetrics[name], low, high, verdict, higher);
        }).ToList();
        return new Comparison(metrics, GateEvaluator.Evaluate(gates, candidateMetrics, baseMetrics), baseline.Count, options)
        {
            Tests = SignificanceTests.For(baseline, candidate, metrics, options.Confidence),
        };
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static void CheckSameRows(Predictions baseline, Predictions candidate)
    {
        if (baseline.Task != candidate.Task)
            throw new InvalidInputException($"Cannot compare a {baseline.Task.ToString().ToLowerInvariant()} model with a {candidate.Task.ToString().ToLowerInvariant()} model.");
        if (baseline.Count != candidate.Count)
            throw new InvalidInputException($"The two models were not scored on the same rows ({baseline.Count:N0} and {candidate.Count:N0} rows); a paired comparison needs identical evaluation rows.");
        if (!baseline.Labels.AsSpan().SequenceEqual(candidate.Labels))
            throw new InvalidInputException($"The two models read different labels from the same {baseline.Count:N0} rows (do they predict the same column, with the same classes?); a paired comparison needs both to be judged against the same truth.");
    }
}
