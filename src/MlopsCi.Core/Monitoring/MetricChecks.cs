using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;

namespace MlopsCi.Core.Monitoring;

/// <summary>Which metrics monitoring checks, and how a value compares with its reference.</summary>
internal static class MetricChecks
{
    /// <summary>The task's primary metric, then each gate's metric, once each, in that order.</summary>
    public static IReadOnlyList<string> Watched(ModelTask task, IReadOnlyList<GateSpec> gates) =>
        [.. new[] { MetricNames.Primary(task) }.Concat(gates.Select(g => g.Metric)).Where(m => MetricNames.IsKnown(task, m)).Distinct(StringComparer.Ordinal)];

    /// <summary>One check per watched metric present on both sides.</summary>
    public static IReadOnlyList<MetricCheck> Compare(IEnumerable<string> metrics, IReadOnlyDictionary<string, double> reference, IReadOnlyDictionary<string, double> values, Limit limit) =>
        [.. metrics.Where(m => reference.ContainsKey(m) && values.ContainsKey(m)).Select(m => Check(m, reference[m], values[m], limit))];

    private static MetricCheck Check(string metric, double reference, double value, Limit limit)
    {
        var worsening = MetricNames.HigherIsBetter(metric) ? reference - value : value - reference;
        var allowed = limit.Allowed(reference);
        return new MetricCheck(metric, reference, value, worsening, allowed, worsening <= allowed + 1e-12);
    }
}
