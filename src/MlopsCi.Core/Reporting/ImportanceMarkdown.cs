using System.Text;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>The top features by permutation importance, the pull request's model beside main's.</summary>
internal static class ImportanceMarkdown
{
    public static void Append(StringBuilder md, PullRequestReport report, RenderLimits limits)
    {
        if (report.Importance.Count == 0)
            return;
        var metric = report.Comparison?.PrimaryMetric;
        md.Append($"#### 🔍 Top features — permutation importance{(metric is null ? "" : $" (drop in {metric} when shuffled)")}\n\n");
        md.Append("| # | Feature | PR | main |\n|--:|---|---:|---:|\n");
        var rank = 1;
        foreach (var row in report.Importance.Take(limits.Features))
            md.Append($"| {rank++} | {Code(row.Feature)} | {Value(row.Candidate)} | {(row.Baseline is { } b ? Value(b) : "—")} |\n");
        md.Append(report.Comparison?.Evaluation switch
        {
            null => "\n",
            { LeftOut: 0 } => "\n<sub>PR and main: each model's permutation importance on the same evaluation rows as the metrics (at most 2,000 of them).</sub>\n\n",
            { LeftOut: var n } => $"\n<sub>PR and main: each model's permutation importance on the same evaluation rows (at most 2,000), including the {Count(n)} left out of the metrics as seen in training.</sub>\n\n",
        });
    }
}
