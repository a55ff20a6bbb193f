using System.Text;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>The banner under the title: what happened to the pull request (merged, conflict, refused, blocked, closed, waiting).</summary>
internal static class OutcomeMarkdown
{
    public static void Append(StringBuilder md, PullRequestReport report, RenderLimits limits)
    {
        var o = report.Outcome;
        var branch = Code(report.Lineage.DataBranch);
        var main = Code(report.Lineage.BaseBranch);
        switch (o.Kind)
        {
            case OutcomeKind.Merged:
                md.Append($"> 🚀 **Merged** — {branch} merged into {main}");
                if (o.MergeCommit is not null)
                    md.Append($" (data commit {Code(ShortId(o.MergeCommit))})");
                if (o.ModelVersion is not null)
                    md.Append($"; registered {Code(o.ModelVersion)}");
                md.Append(o.Promoted
                    ? $" and moved `champion` to it{(o.PreviousChampion is null ? "" : $" from {Code(o.PreviousChampion)}")}."
                    : $"; `champion` not moved{(o.Detail is null ? "" : ": " + o.Detail)}.");
                md.Append("\n\n");
                break;
            case OutcomeKind.Conflict:
                var paths = o.Conflicts ?? [];
                md.Append($"> ❌ **Merge conflict** — {Plural(paths.Count, "path")} changed on both {branch} and {main}; nothing was merged and `champion` is unchanged. To resolve it the git way, merge {main} into the pull request's branch and push: the next sync rebuilds {branch} from the new merge base. The paths:\n");
                foreach (var path in paths.Take(limits.ListItems * 5))
                    md.Append($"> - {Code(path)}\n");
                if (paths.Count > limits.ListItems * 5)
                    md.Append($"> - … and {Plural(paths.Count - (limits.ListItems * 5), "more path")}\n");
                md.Append('\n');
                break;
            case OutcomeKind.MergeRefused:
                md.Append($"> 🚫 **Not merged** — {o.Detail ?? "the merge was refused"}.\n\n");
                break;
            case OutcomeKind.Blocked:
                md.Append($"> 🚫 **Data commit refused** — {o.Detail ?? "a pre-commit hook failed"}. {branch} was left as it was; nothing was trained.\n\n");
                break;
            case OutcomeKind.Closed:
                md.Append($"> 🗑️ **Closed without merging** — data branch {branch} deleted; {main} and `champion` are unchanged.\n\n");
                break;
            default:
                md.Append(report.Comparison is { GatesPassed: false }
                    ? $"> ⏳ **Waiting** — a gate fails, so an approval will not merge {branch}; push a fix to re-run.\n\n"
                    : $"> ⏳ **Waiting for approval** — when the head commit is approved, {branch} merges into {main} and the candidate becomes `champion`.\n\n");
                break;
        }
    }
}
