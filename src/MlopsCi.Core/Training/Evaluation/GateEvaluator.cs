using System.Globalization;
using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Evaluates gates on point estimates: <c>max-regression</c> bounds how much worse (by the metric's direction) the
/// candidate may be than the baseline, relative ("2%") or absolute; <c>min</c>/<c>max</c> bound the candidate's value.
/// Without a baseline the max-regression part passes (there is nothing to regress from).
/// </summary>
public static class GateEvaluator
{
    /// <summary>One result per gate, in order.</summary>
    public static IReadOnlyList<GateResult> Evaluate(IReadOnlyList<GateSpec> gates, IReadOnlyDictionary<string, double> candidate, IReadOnlyDictionary<string, double>? baseline)
    {
        ArgumentNullException.ThrowIfNull(gates);
        return [.. gates.Select(g => Evaluate(g, candidate, baseline))];
    }

    private static GateResult Evaluate(GateSpec gate, IReadOnlyDictionary<string, double> candidate, IReadOnlyDictionary<string, double>? baseline)
    {
        double? baseValue = baseline is not null && baseline.TryGetValue(gate.Metric, out var b) ? b : null;
        if (!candidate.TryGetValue(gate.Metric, out var value))
            return new GateResult(gate, false, null, baseValue, $"{gate.Metric} was not computed for the candidate ({gate.Location})");
        var problems = new List<string>();
        if (gate.Min is { } min && value < min)
            problems.Add($"{gate.Metric} {F(value)} is below the minimum {F(min)}");
        if (gate.Max is { } max && value > max)
            problems.Add($"{gate.Metric} {F(value)} is above the maximum {F(max)}");
        if (gate.MaxRegression is { } limit && baseValue is { } baseMetric)
        {
            var worsening = MetricNames.HigherIsBetter(gate.Metric) ? baseMetric - value : value - baseMetric;
            var allowed = limit.Allowed(baseMetric);
            if (worsening > allowed + 1e-12)
                problems.Add($"{gate.Metric} got worse by {F(worsening)} ({F(baseMetric)} → {F(value)}), more than the allowed {limit}");
        }

        if (problems.Count > 0)
            return new GateResult(gate, false, value, baseValue, string.Join("; ", problems));
        var parts = new List<string>();
        if (gate.MaxRegression is { } l)
            parts.Add(baseValue is null ? "no baseline to compare with" : $"within {l} of the baseline {F(baseValue.Value)}");
        if (gate.Min is { } lo)
            parts.Add($"≥ {F(lo)}");
        if (gate.Max is { } hi)
            parts.Add($"≤ {F(hi)}");
        return new GateResult(gate, true, value, baseValue, $"{gate.Metric} {F(value)}: {string.Join(", ", parts)}");
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
