using MathNet.Numerics.Statistics;
using MlopsCi.Core.Drift.Profiling;
using MlopsCi.Core.Drift.Statistics;
using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Drift;

/// <summary>
/// Compares two profiled samples column by column. A numeric column drifts when PSI (baseline deciles) exceeds the PSI
/// threshold or the Kolmogorov–Smirnov p-value falls below its threshold; a categorical one when PSI (categories)
/// exceeds the threshold or the chi-squared p-value falls below its threshold. A column present on one side only drifts.
/// </summary>
internal static class DriftAnalyzer
{
    public static IReadOnlyList<DriftColumn> Compare(TableProfile baseline, TableProfile current, DriftSpec thresholds)
    {
        var columns = new List<DriftColumn>();
        foreach (var b in baseline.Columns)
        {
            columns.Add(current[b.Name] is { } c
                ? Compare(b, c, thresholds)
                : new DriftColumn(b.Name, b.Kind, null, null, null, null, null, true, "column removed: not in the current data", b.Count, 0));
        }

        foreach (var c in current.Columns.Where(c => baseline[c.Name] is null))
            columns.Add(new DriftColumn(c.Name, ColumnKind.Skipped, null, null, null, null, null, true, "new column: not in the baseline", 0, c.Count));
        return [.. columns.OrderBy(Rank).ThenByDescending(c => c.Psi ?? -1).ThenBy(c => c.PValue ?? 2).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    private static int Rank(DriftColumn column) => column.Drifted ? 0 : column.Kind == ColumnKind.Skipped ? 2 : 1;

    /// <summary>One column of two samples (also the hooks' drift rule, which profiles a column itself).</summary>
    internal static DriftColumn Compare(ColumnProfile b, ColumnProfile c, DriftSpec thresholds)
    {
        if (b.Kind == ColumnKind.Skipped)
            return new DriftColumn(b.Name, b.Kind, null, null, null, null, null, false, "not compared: " + b.SkipReason, b.Count, c.Count);
        if (c.Kind == ColumnKind.Skipped)
            return new DriftColumn(b.Name, b.Kind, null, null, null, null, null, true, $"{c.SkipReason} in the current data (the baseline has {b.Categories.Count})", b.Count, c.Count);
        if (b.Count == 0 || c.Count == 0)
        {
            var empty = b.Count == 0 ? "baseline" : "current data";
            return new DriftColumn(b.Name, b.Kind, null, null, null, null, null, c.Count == 0 && b.Count > 0, $"no values in the {empty}", b.Count, c.Count);
        }

        return b.Kind == ColumnKind.Numeric ? Numeric(b, c, thresholds) : Categorical(b, c, thresholds);
    }

    private static DriftColumn Numeric(ColumnProfile b, ColumnProfile c, DriftSpec thresholds)
    {
        var (baseline, current) = (b.SortedValues(), c.SortedValues());
        var psi = PopulationStabilityIndex.Numeric(baseline, current);
        var ks = KolmogorovSmirnov.TwoSample(baseline, current);
        var drifted = psi > thresholds.PsiThreshold || ks.PValue < thresholds.KsPValue;
        var reason = Verdict(psi, thresholds.PsiThreshold, $"KS p = {Format.PValue(ks.PValue)}", ks.PValue, thresholds.KsPValue)
            + $"; median {Format.Number(SortedArrayStatistics.Median(baseline))} → {Format.Number(SortedArrayStatistics.Median(current))}" + Missing(b, c);
        return new DriftColumn(b.Name, ColumnKind.Numeric, psi, "ks", ks.Statistic, ks.PValue, null, drifted, reason, b.Count, c.Count);
    }

    private static DriftColumn Categorical(ColumnProfile b, ColumnProfile c, DriftSpec thresholds)
    {
        var categories = b.Categories.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)
            .Concat(c.Categories.Keys.Where(k => !b.Categories.ContainsKey(k)).Order(StringComparer.Ordinal)).ToList();
        var baseCounts = categories.Select(k => b.Categories.GetValueOrDefault(k)).ToList();
        var currentCounts = categories.Select(k => c.Categories.GetValueOrDefault(k)).ToList();
        var psi = PopulationStabilityIndex.FromCounts(baseCounts, currentCounts);
        var chi2 = ChiSquared.Homogeneity(baseCounts, currentCounts);
        var drifted = psi > thresholds.PsiThreshold || chi2.PValue < thresholds.Chi2PValue;
        var reason = Verdict(psi, thresholds.PsiThreshold, $"χ² p = {Format.PValue(chi2.PValue)}", chi2.PValue, thresholds.Chi2PValue)
            + LargestShift(categories, baseCounts, currentCounts) + Missing(b, c);
        return new DriftColumn(b.Name, ColumnKind.Categorical, psi, "chi2", chi2.Statistic, chi2.PValue, chi2.DegreesOfFreedom, drifted, reason, b.Count, c.Count);
    }

    private static string Verdict(double psi, double psiThreshold, string test, double p, double pThreshold)
    {
        var psiText = $"PSI {Format.Number(psi)} {(psi > psiThreshold ? ">" : "≤")} {Format.Number(psiThreshold)}";
        var testText = $"{test} {(p < pThreshold ? "<" : "≥")} {Format.Number(pThreshold)}";
        return psi > psiThreshold || p < pThreshold ? $"drifted: {psiText}, {testText}" : $"stable: {psiText}, {testText}";
    }

    private static string LargestShift(List<string> categories, List<long> baseline, List<long> current)
    {
        double baseTotal = baseline.Sum(), currentTotal = current.Sum();
        var shift = categories.Select((k, i) => (Key: k, Before: baseline[i] / baseTotal, After: current[i] / currentTotal))
            .MaxBy(s => Math.Abs(s.After - s.Before));
        return $"; largest shift '{shift.Key}' {Format.Percent(shift.Before)} → {Format.Percent(shift.After)}";
    }

    private static string Missing(ColumnProfile b, ColumnProfile c)
    {
        double before = b.Rows == 0 ? 0 : (double)b.Missing / b.Rows, after = c.Rows == 0 ? 0 : (double)c.Missing / c.Rows;
        return Math.Abs(after - before) >= 0.05 ? $"; missing {Format.Percent(before)} → {Format.Percent(after)}" : "";
    }
}
