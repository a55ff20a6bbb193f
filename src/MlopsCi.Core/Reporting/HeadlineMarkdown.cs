using System.Text;
using MlopsCi.Core.Training.Evaluation;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>The verdict headline: the failing gate, or the primary metric's change with its interval and the gates' state.</summary>
internal static class HeadlineMarkdown
{
    public static void Append(StringBuilder md, PullRequestReport report)
    {
        if (report.Comparison is not { } c)
        {
            if (report.Outcome.Kind != OutcomeKind.Blocked)
                md.Append("ℹ️ No comparison: nothing was trained for this head commit.\n\n");
            return;
        }

        var gates = c.Gates.Count == 0 ? "no gates configured" : c.GatesPassed ? (c.Gates.Count == 1 ? "the gate passes" : $"all {c.Gates.Count} gates pass") : "";
        var failed = c.Gates.Where(g => !g.Passed).ToList();
        if (failed.Count > 0)
        {
            md.Append($"## ❌ Gate failed — {Cell(failed[0].Reason)}");
            md.Append(failed.Count > 1 ? $" ({failed.Count} of {c.Gates.Count} gates fail)\n\n" : "\n\n");
            return;
        }

        if (c[c.PrimaryMetric] is not { } primary)
        {
            md.Append($"## ➖ Compared on {Count(c.Rows)} rows; {gates}\n\n");
            return;
        }

        var (icon, words) = primary.Verdict switch
        {
            Verdict.Better => ("✅", "Better than main"),
            Verdict.Worse => ("⚠️", "Worse than main"),
            _ => ("➖", "No significant change"),
        };
        md.Append($"## {icon} {words} — {primary.Metric} {Value(primary.Baseline)} → {Value(primary.Candidate)} ({Signed(primary.Delta)}, 95% CI {Signed(primary.CiLow)} … {Signed(primary.CiHigh)}); {gates}\n\n");
        var worse = c.Metrics.Where(m => m.Verdict == Verdict.Worse && m.Metric != primary.Metric && !MetricsMarkdown.IsClassMetric(m.Metric)).Select(m => Code(m.Metric)).ToList();
        if (primary.Verdict != Verdict.Worse && worse.Count > 0)
            md.Append($"⚠️ Significantly worse: {string.Join(", ", worse)}.\n\n");
        if (AnalysisMarkdown.Disagreement(c) is { } disagreement)
            md.Append(disagreement).Append("\n\n");
    }
}
