using System.Text;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>The folded lineage: data commits, runs and models on both sides, and the facts that tie them to git.</summary>
internal static class LineageMarkdown
{
    public static void Append(StringBuilder md, PullRequestReport report)
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
