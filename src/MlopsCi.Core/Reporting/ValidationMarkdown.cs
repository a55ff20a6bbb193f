using System.Text;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>The data-validation section: each hook of the last run with its result and first findings.</summary>
internal static class ValidationMarkdown
{
    public static void Append(StringBuilder md, PullRequestReport report, RenderLimits limits)
    {
        if (report.Validation is not { } v)
            return;
        var passed = v.Hooks.Count(h => h.Passed);
        md.Append($"#### 🛡️ Data validation ({Cell(v.Event)} hooks) — {(v.Passed ? "✅" : "❌")} {passed} of {Plural(v.Hooks.Count, "hook")} passed\n\n");
        if (v.Hooks.Count == 0)
            return;
        md.Append("| Hook | | Result |\n|---|:-:|---|\n");
        foreach (var hook in v.Hooks)
        {
            var findings = hook.Findings.Take(limits.ListItems).Select(Cell).ToList();
            if (hook.Findings.Count > limits.ListItems)
                findings.Add($"… {hook.Findings.Count - limits.ListItems} more");
            var detail = findings.Count == 0 ? "" : "<br>" + string.Join("<br>", findings);
            md.Append($"| {Code(hook.HookId)} | {(hook.Passed ? "✅" : "❌")} | {Cell(hook.Summary)}{detail} |\n");
        }

        md.Append('\n');
    }
}
