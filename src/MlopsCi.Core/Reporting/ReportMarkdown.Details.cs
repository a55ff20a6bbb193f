using System.Text;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

public static partial class ReportMarkdown
{
    private static void AppendImportance(StringBuilder md, PullRequestReport report, RenderLimits limits)
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

    private static void AppendLineage(StringBuilder md, PullRequestReport report)
    {
        var l = report.Lineage;
        var o = report.Outcome;
        md.Append("<details><summary>Lineage</summary>\n\n");
        md.Append($"| | {Code(l.BaseBranch)} (baseline) | {Code(l.DataBranch)} (candidate) |\n|---|---|---|\n");
        md.Append($"| Data commit | {Id(l.BaseCommit)} | {Id(l.HeadCommit)} |\n");
        md.Append($"| Run | {Id(l.BaselineRun)} | {Id(l.CandidateRun)} |\n");
        var candidateModel = o.ModelVersion is { } v ? Code(v) : "not registered (registered on merge)";
        var baselineModel = l.BaselineModel is { } b ? Code(b) : l.BaselineRun is null ? "—" : $"trained on {Code(l.BaseBranch)} for this comparison";
        md.Append($"| Model | {baselineModel} | {(l.CandidateRun is null && o.ModelVersion is null ? "—" : candidateModel)} |\n");
        md.Append('\n');
        var facts = new List<string> { $"git commit {Code(l.GitSha)}" };
        if (l.Repository is not null)
            facts.Add($"repository {Code(l.Repository)}");
        if (l.SpecHash is not null)
            facts.Add($"spec {Code("sha256:" + ShortId(l.SpecHash))}");
        if (l.TrainRows is { } rows)
            facts.Add($"candidate trained on {Count(rows)} rows");
        if (report.Comparison is { } c)
            facts.Add($"both models evaluated on the same {Count(c.Rows)} rows of the candidate's evaluation split");
        if (o.MergeCommit is not null)
            facts.Add($"merged as data commit {Code(o.MergeCommit)}");
        md.Append(string.Join(" · ", facts)).Append("\n\n</details>\n\n");
    }

    private static string Id(string? id) => id is null ? "—" : Code(id);
}
