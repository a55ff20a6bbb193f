using System.Globalization;
using MlopsCi.Core.Drift;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// Whether a retrained model replaces the champion: every gate must pass against the champion on the same held-out rows,
/// and the task's primary metric must be better (by its direction) than the champion's. The reason says which and by how much.
/// </summary>
internal static class PromotionDecision
{
    public static (bool Promote, string Reason) Decide(Comparison comparison, string primary, int championVersion, bool timeOrdered)
    {
        var rows = $"the {(timeOrdered ? "latest " : "")}{comparison.Rows:N0} held-out rows";
        var failed = comparison.Gates.Where(g => !g.Passed).ToList();
        if (failed.Count > 0)
            return (false, $"kept champion version {championVersion}: {string.Join("; ", failed.Select(g => g.Reason))} on {rows}");
        if (comparison[primary] is not { } metric)
            return (false, $"kept champion version {championVersion}: {primary} could not be computed on {rows}");
        var better = metric.HigherIsBetter ? metric.Delta > 0 : metric.Delta < 0;
        var change = $"{primary} {Format.Number(metric.Baseline)} → {Format.Number(metric.Candidate)} ({Signed(metric.Delta)}, 95% CI [{Signed(metric.CiLow)}, {Signed(metric.CiHigh)}], {Words(metric.Verdict)})";
        return better
            ? (true, $"promoted over champion version {championVersion}: {change} on {rows}; {(comparison.Gates.Count == 0 ? "no gates set" : "every gate passed")}")
            : (false, $"kept champion version {championVersion}: the new model is not better, {change} on {rows}");
    }

    private static string Signed(double value) => value.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture);

    private static string Words(Verdict verdict) => verdict switch
    {
        Verdict.Better => "significantly better",
        Verdict.Worse => "significantly worse",
        _ => "no significant change",
    };
}
