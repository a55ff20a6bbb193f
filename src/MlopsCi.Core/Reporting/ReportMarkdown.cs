using System.Text;
using MlopsCi.Core.PullRequests;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// Renders a <see cref="PullRequestReport"/> as the pull-request comment: a hidden marker, the verdict headline, the
/// metrics table, gates, a chart, data changes, validation, drift, top features and lineage. A report longer than the
/// limit (GitHub's 65,536 characters) is rendered with less detail, and cut with a note as a last resort.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>The hidden marker that finds the comment of <paramref name="modelName"/> again.</summary>
    public static string Marker(string modelName) => $"<!-- mlops-ci:report model={modelName} -->";

    /// <summary>Renders the report in at most <paramref name="maxLength"/> characters.</summary>
    public static string Render(PullRequestReport report, int maxLength = PullRequestLimits.MaxCommentLength)
    {
        ArgumentNullException.ThrowIfNull(report);
        string text = "";
        foreach (var limits in RenderLimits.Levels)
        {
            text = Compose(report, limits);
            if (text.Length <= maxLength)
                return text;
        }

        return Cut(text, maxLength);
    }

    private static string Compose(PullRequestReport report, RenderLimits limits)
    {
        var md = new StringBuilder();
        md.Append(Marker(report.ModelName)).Append('\n');
        md.Append($"### MlopsCi · model {ReportFormat.Code(report.ModelName)} · pull request #{report.PullRequest}\n\n");
        OutcomeMarkdown.Append(md, report, limits);
        HeadlineMarkdown.Append(md, report);
        MetricsMarkdown.Append(md, report, limits);
        ChartMarkdown.Append(md, report, limits);
        if (report.DataDiff is { } diff)
            DataDiffMarkdown.Append(md, diff, report.Lineage, limits);
        ValidationMarkdown.Append(md, report, limits);
        DriftMarkdown.Append(md, report);
        ImportanceMarkdown.Append(md, report, limits);
        LineageMarkdown.Append(md, report);
        if (limits.Shortened)
            md.Append("> ✂️ Shortened to fit GitHub's 65,536-character comment limit; the full report is in the workflow run's step summary.\n\n");
        var run = report.RunUrl is { } url ? $" · [workflow run]({url.AbsoluteUri}) · [artifacts]({url.AbsoluteUri}#artifacts)" : "";
        md.Append($"<sub>mlops-ci · head {ReportFormat.Code(ReportFormat.ShortSha(report.Lineage.GitSha))}{run} · this comment is updated in place on every run</sub>\n");
        return md.ToString();
    }

    // Last resort: keep whole lines, close an open code block and <details>, and say what happened.
    private static string Cut(string text, int maxLength)
    {
        const string Note = "\n\n> ✂️ Cut to fit GitHub's 65,536-character comment limit; the full report is in the workflow run's step summary.\n";
        var budget = maxLength - Note.Length - 32;
        var cut = text[..Math.Max(0, text.LastIndexOf('\n', Math.Max(0, budget - 1)))];
        if (CountOf(cut, "```") % 2 == 1)
            cut += "\n```";
        if (CountOf(cut, "<details>") > CountOf(cut, "</details>"))
            cut += "\n</details>";
        return cut + Note;
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    internal static void AppendTruncation(StringBuilder md, int shown, int total, string noun)
    {
        if (total > shown)
            md.Append($"\n<sub>… and {ReportFormat.Plural(total - shown, "more " + noun)} not shown.</sub>\n");
    }
}
