using System.Text;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks;

/// <summary>How a hook run reads on a console: every failing hook with file, column, rule, offending row count and sample rows.</summary>
public static class HookRunText
{
    /// <summary>The message of a refused commit or merge: the failing ids first, then the details and what to do.</summary>
    public static string FailureMessage(HookRun run)
    {
        var text = new StringBuilder();
        var what = run.Event == HookEvent.PreCommit ? "commit" : "merge";
        var into = run.Event == HookEvent.PreCommit ? $"on '{run.Branch}'" : $"for the merge into '{run.Branch}'";
        text.Append($"{EventName(run.Event)} hook(s) failed {into}: {string.Join(", ", run.FailedHooks)}. The {what} was not made; '{run.Branch}' is unchanged.");
        foreach (var result in run.Results.Where(r => r.Blocks))
            AppendFailure(text, result);
        text.Append($"\nFix the data (or change the rules in a reviewed change of their own). 'mlops data hooks runs {run.Branch}' shows recorded runs.");
        return text.ToString();
    }

    /// <summary>A full report of a run: one line per passed hook, details per failed one.</summary>
    public static string Report(HookRun run)
    {
        var text = new StringBuilder();
        var failed = run.Results.Count(r => r.Blocks);
        var warned = run.Results.Count(r => r.Warns);
        text.Append($"{EventName(run.Event)} hooks on '{run.Branch}' (rules at {Short(run.RulesCommit)}, {run.Changes:N0} changed path(s)): {run.Results.Count - failed - warned} passed, {failed} failed");
        if (warned > 0)
            text.Append($", {warned} warned");
        foreach (var result in run.Results)
        {
            if (result.Passed)
                text.Append($"\n  ok    {result.HookId} ({result.Type}): {result.FilesChecked:N0} file(s), {result.RowsChecked:N0} row(s) checked");
            else
                AppendFailure(text, result);
        }

        return text.ToString();
    }

    /// <summary>One finding on one line: <c>file, column c: message: row 2: "-5", row 7: "1200.5"</c>.</summary>
    public static string Describe(HookFinding finding)
    {
        var line = new StringBuilder(finding.File);
        if (finding.Column is not null)
            line.Append(line.Length > 0 ? ", " : "").Append($"column {finding.Column}");
        line.Append(line.Length > 0 ? ": " : "").Append(finding.Message);
        if (finding.Samples.Count > 0)
        {
            line.Append(": ").AppendJoin(", ", finding.Samples.Select(s => $"row {s.Row:N0}: {Quote(s.Value)}"));
            if (finding.OffendingRows > finding.Samples.Count)
                line.Append($", … {finding.OffendingRows - finding.Samples.Count:N0} more");
        }

        return line.ToString();
    }

    /// <summary>"pre-commit" or "pre-merge".</summary>
    public static string EventName(HookEvent hookEvent) => hookEvent == HookEvent.PreCommit ? "pre-commit" : "pre-merge";

    private static void AppendFailure(StringBuilder text, HookResult result)
    {
        text.Append($"\n  {(result.Warns ? "WARN" : "FAIL")}  {result.HookId} ({result.Type}, {result.Source}): {result.Rule}");
        foreach (var finding in result.Findings)
            text.Append("\n        ").Append(Describe(finding));
        if (!string.IsNullOrWhiteSpace(result.Output))
        {
            foreach (var output in result.Output.TrimEnd().Split('\n'))
                text.Append("\n        | ").Append(output.TrimEnd('\r'));
        }
    }

    private static string Quote(string? value) => value is null ? "null" : $"\"{Printable(value)}\"";

    private static string Printable(string value)
    {
        var clean = string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c));
        return clean.Length > 60 ? clean[..57] + "…" : clean;
    }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;
}
