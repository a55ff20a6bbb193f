using MlopsCi.Core.Drift;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Reporting;

/// <summary>Maps the training, evaluation and drift results onto the report's sections.</summary>
public static class ReportSections
{
    /// <summary>The metrics and gates section of a comparison; <paramref name="baselineLabel"/> names what the candidate was compared with.</summary>
    public static ComparisonSection Comparison(Comparison comparison, ModelTask task, string baselineLabel)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var failing = comparison.Gates.Where(g => !g.Passed).Select(g => g.Gate.Metric).ToHashSet(StringComparer.Ordinal);
        var order = MetricNames.For(task).Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var rows = comparison.Metrics
            .OrderBy(m => order.GetValueOrDefault(m.Metric, int.MaxValue))
            .ThenBy(m => m.Metric, StringComparer.Ordinal)
            .Select(m => new MetricRow(m.Metric, m.Baseline, m.Candidate, m.Delta, m.CiLow, m.CiHigh, m.Verdict, m.HigherIsBetter, failing.Contains(m.Metric)))
            .ToList();
        var gates = Gates(comparison.Gates);
        return new ComparisonSection(MetricNames.Primary(task), rows, gates, comparison.Rows, comparison.Bootstrap.Resamples, comparison.Bootstrap.Confidence, baselineLabel)
        {
            Tests = comparison.Tests,
        };
    }

    /// <summary>The candidate's top features with the baseline's importance beside them, most important first.</summary>
    public static IReadOnlyList<ImportanceRow> Importance(IReadOnlyList<FeatureImportance> candidate, IReadOnlyList<FeatureImportance>? baseline, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var before = (baseline ?? []).GroupBy(f => f.Feature, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Importance, StringComparer.Ordinal);
        return [.. candidate
            .OrderByDescending(f => f.Importance)
            .ThenBy(f => f.Feature, StringComparer.Ordinal)
            .Take(top)
            .Select(f => new ImportanceRow(f.Feature, f.Importance, before.TryGetValue(f.Feature, out var b) ? b : null))];
    }

    /// <summary>The drift section of a drift report, in its order (drifted first); columns without a PSI (skipped) are left out.</summary>
    public static DriftSection Drift(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var columns = report.Columns
            .Where(c => c.Psi is not null)
            .Select(c => new DriftRow(c.Name, c.Kind.ToString().ToLowerInvariant(), c.Psi!.Value, c.TestLabel.Length == 0 ? null : c.TestLabel, c.PValue, c.Drifted, DriftDetail(c.Reason)))
            .ToList();
        return new DriftSection(string.Join(", ", report.CurrentPaths), report.Thresholds.PsiThreshold, columns);
    }

    /// <summary>The validation section of a hook run: one row per hook, failing hooks with their findings.</summary>
    public static ValidationSection Validation(HookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var hooks = run.Results.Select(r => new ValidationRow(
            r.HookId,
            r.Passed,
            r.Passed ? $"{r.Type}: passed ({ReportFormat.Plural(r.FilesChecked, "file")}, {ReportFormat.Plural(r.RowsChecked, "row")} checked)" : $"{r.Type}: {r.Findings.Count} finding{(r.Findings.Count == 1 ? "" : "s")}",
            [.. r.Findings.Select(HookRunText.Describe)])).ToList();
        var name = run.Event == Versioning.HookEvent.PreMerge ? "pre-merge" : "pre-commit";
        return new ValidationSection(name, hooks);
    }

    /// <summary>The report's rows of gate results.</summary>
    public static IReadOnlyList<GateRow> Gates(IReadOnlyList<GateResult> gates)
    {
        ArgumentNullException.ThrowIfNull(gates);
        return [.. gates.Select(g => new GateRow(g.Gate.Metric, Rule(g.Gate), g.Passed, g.Reason))];
    }

    /// <summary>A gate's rule as written: "max-regression 5%, min 0.8".</summary>
    public static string Rule(GateSpec gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var parts = new List<string>();
        if (gate.MaxRegression is { } limit)
            parts.Add($"max-regression {limit}");
        if (gate.Min is { } min)
            parts.Add($"min {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        if (gate.Max is { } max)
            parts.Add($"max {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return string.Join(", ", parts);
    }

    // The analyzer's reason reads "drifted: PSI …, KS p …; median 12 → 14"; the report keeps what moved.
    private static string? DriftDetail(string reason)
    {
        var cut = reason.IndexOf("; ", StringComparison.Ordinal);
        return cut < 0 ? null : reason[(cut + 2)..];
    }
}
