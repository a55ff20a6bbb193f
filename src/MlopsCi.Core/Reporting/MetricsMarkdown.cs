using System.Globalization;
using System.Text;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// The metrics section: candidate against baseline on the same rows with intervals and verdicts, the tests beside the
/// bootstrap, recall per class, confusion and slices, then the gates and what the pull request changes in the spec.
/// </summary>
internal static class MetricsMarkdown
{
    /// <summary>Whether a metric is a per-class recall row (shown folded, not in the chart or the headline).</summary>
    public static bool IsClassMetric(string metric) => metric.StartsWith(MetricNames.ClassRecallPrefix, StringComparison.Ordinal);

    public static void Append(StringBuilder md, PullRequestReport report, RenderLimits limits)
    {
        if (report.Comparison is not { } c)
            return;
        md.Append($"#### 📊 Metrics — candidate vs {Cell(c.BaselineLabel)}, on the same {Count(c.Rows)} evaluation rows\n\n");
        if (c.Evaluation is { } evaluation)
        {
            md.Append(evaluation.Describe()).Append("\n\n");
            if (evaluation.Warning is { } warning)
                md.Append("⚠️ ").Append(warning).Append("\n\n");
        }

        if (c.Unlabelled?.Warning is { } unlabelled)
            md.Append("⚠️ ").Append(Cell(unlabelled)).Append("\n\n");

        AppendMetricTable(md, c.Metrics.Where(m => !IsClassMetric(m.Metric)).ToList(), "Metric");
        md.Append($"\n<sub>▲/▼ direction of the change · ✅ better / ⚠️ worse: the {(c.Confidence * 100).ToString("0", CultureInfo.InvariantCulture)}% interval of the paired bootstrap ({Count(c.Resamples)} resamples) excludes 0 · ➖ no significant change · ❌ a gate on the metric fails</sub>\n\n");
        AnalysisMarkdown.AppendTests(md, c);
        var classes = c.Metrics.Where(m => IsClassMetric(m.Metric)).ToList();
        if (classes.Count > 0)
        {
            md.Append($"<details><summary>Recall per class ({classes.Count} {(classes.Count == 1 ? "class" : "classes")})</summary>\n\n");
            AppendMetricTable(md, classes.Take(limits.ClassRows).ToList(), "Class");
            ReportMarkdown.AppendTruncation(md, Math.Min(classes.Count, limits.ClassRows), classes.Count, "row");
            md.Append("\n</details>\n\n");
        }

        AnalysisMarkdown.AppendConfusion(md, c, limits);
        AnalysisMarkdown.AppendSlices(md, c, limits);
        if (c.Gates.Count == 0)
        {
            md.Append("No gates are configured (add `gates:` to mlops.yml to block regressions).\n\n");
            return;
        }

        AppendGates(md, c.Gates);
        if (report.DecidingSpec is { } source)
            md.Append($"<sub>The deciding gates are the destination's: {Cell(source)}.</sub>\n\n");
        AppendSpecChanges(md, report);
    }

    private static void AppendGates(StringBuilder md, IReadOnlyList<GateRow> gates)
    {
        md.Append("| Gate | | Detail |\n|---|:-:|---|\n");
        foreach (var gate in gates)
            md.Append($"| {Code(gate.Metric)} {Cell(gate.Rule)} | {(gate.Passed ? "✅" : "❌")} | {Cell(gate.Reason)} |\n");
        md.Append('\n');
    }

    // A pull request cannot loosen the rules that judge it: its own gates are shown, and decide only once merged.
    private static void AppendSpecChanges(StringBuilder md, PullRequestReport report)
    {
        if (report.SpecChanges is not { } changes || changes.Changes.Count == 0)
            return;
        md.Append("#### 📝 Spec changes — judged by the destination's spec until merged\n\n");
        foreach (var change in changes.Changes)
            md.Append("- ").Append(change).Append('\n');
        md.Append('\n');
        if (changes.OwnGates.Count == 0)
            return;
        md.Append("For information, the candidate against this pull request's own gates (they take effect once it is merged):\n\n");
        AppendGates(md, changes.OwnGates);
    }

    private static void AppendMetricTable(StringBuilder md, IReadOnlyList<MetricRow> rows, string header)
    {
        md.Append($"| {header} | main | PR | Δ | 95% CI | |\n|---|---:|---:|---:|:-:|:-:|\n");
        foreach (var m in rows)
        {
            var name = IsClassMetric(m.Metric) ? m.Metric[MetricNames.ClassRecallPrefix.Length..] : m.Metric;
            var arrow = m.Delta > 0 ? "▲ " : m.Delta < 0 ? "▼ " : "";
            var relative = m.Baseline != 0 && m.Delta != 0 ? $" ({Percent(m.Delta / Math.Abs(m.Baseline))})" : "";
            var icon = m.GateFailed ? "❌" : m.Verdict switch { Verdict.Better => "✅", Verdict.Worse => "⚠️", _ => "➖" };
            md.Append($"| {Cell(name)} | {Value(m.Baseline)} | {Value(m.Candidate)} | {arrow}{Signed(m.Delta)}{relative} | [{Signed(m.CiLow)}, {Signed(m.CiHigh)}] | {icon} |\n");
        }
    }
}
