using System.Globalization;
using System.Text;

namespace MlopsCi.Core.Reporting;

/// <summary>The mermaid chart of main (bars) against the pull request (line) for the metrics on a 0..1 scale.</summary>
internal static class ChartMarkdown
{
    // Only metrics on a 0..1 scale share one axis; log-loss, errors and per-class rows stay out of the chart.
    public static void Append(StringBuilder md, PullRequestReport report, RenderLimits limits)
    {
        if (!limits.Chart || report.Comparison is not { } c)
            return;
        var rows = c.Metrics
            .Where(m => !MetricsMarkdown.IsClassMetric(m.Metric) && m.HigherIsBetter && m.Baseline is >= 0 and <= 1 && m.Candidate is >= 0 and <= 1)
            .Take(8)
            .ToList();
        if (rows.Count == 0)
            return;
        var low = Math.Max(0, Math.Floor((rows.Min(r => Math.Min(r.Baseline, r.Candidate)) - 0.05) * 10) / 10);
        string Numbers(Func<MetricRow, double> pick) => string.Join(", ", rows.Select(r => pick(r).ToString("0.0000", CultureInfo.InvariantCulture)));
        md.Append("#### 📈 main (bars) vs PR (line)\n\n```mermaid\nxychart-beta\n");
        md.Append("    title \"main (bars) vs PR (line)\"\n");
        md.Append($"    x-axis [{string.Join(", ", rows.Select(r => $"\"{r.Metric}\""))}]\n");
        md.Append($"    y-axis \"value\" {low.ToString("0.0", CultureInfo.InvariantCulture)} --> 1\n");
        md.Append($"    bar [{Numbers(r => r.Baseline)}]\n");
        md.Append($"    line [{Numbers(r => r.Candidate)}]\n```\n\n");
    }
}
