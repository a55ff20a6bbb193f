using System.Text;
using System.Text.Json;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// What one action run did, as the step's outputs (names as in action.yml) and the lines of its step summary.
/// Built from the pull-request flow's result and the record the lifecycle keeps in the store (or from <c>mlops retrain --json</c>).
/// </summary>
internal sealed record ActionResult(string Command, int ExitCode, string Message, IReadOnlyDictionary<string, string> Outputs)
{
    /// <summary>The outputs of action.yml, in its order.</summary>
    public static readonly string[] OutputNames = ["verdict", "run-id", "model-version", "data-commit", "report-path", "full-report-path", "comment-url"];

    /// <summary>A run that stopped on an error before the lifecycle produced a result.</summary>
    public static ActionResult Failed(string command, int exitCode, string message) => new(command, exitCode, message, Empty("none"));

    /// <summary>A run with nothing to do (the event needs no step, or approvals do not merge).</summary>
    public static ActionResult Skipped(string command, string message) => new(command, 0, message, Empty("none"));

    /// <summary>From the flow's result; <paramref name="record"/> (what the lifecycle keeps per pull request) adds the data commit.</summary>
    public static ActionResult FromPr(FlowResult flow, PullRequestRecord? record, string? reportPath, string? fullReportPath)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var command = flow.Command.ToString().ToLowerInvariant();
        var gateFailed = flow.Report?.Comparison?.GatesPassed == false;
        var outputs = Empty(command == "close" ? "closed" : VerdictOf(flow.Report?.Outcome.Kind.ToString().ToLowerInvariant(), gateFailed, flow.Report ?? record?.Report));
        if (command != "none")
        {
            outputs["run-id"] = flow.Report?.Lineage.CandidateRun ?? record?.CandidateRun ?? "";
            outputs["model-version"] = flow.Report?.Outcome.ModelVersion ?? "";
            outputs["data-commit"] = command == "close" ? "" : record?.Report.Outcome.MergeCommit ?? record?.DataCommit ?? record?.Report.Lineage.HeadCommit ?? "";
            outputs["report-path"] = reportPath ?? "";
            outputs["full-report-path"] = fullReportPath ?? "";
            outputs["comment-url"] = flow.Comment?.HtmlUrl.ToString() ?? "";
        }

        return new ActionResult(command, flow.ExitCode, flow.Message, outputs);
    }

    /// <summary>Reads <c>mlops retrain --json</c>: the decision (promoted or kept) is the verdict, the promoted version the model version.</summary>
    public static ActionResult FromRetrain(JsonElement json, int exitCode, string model)
    {
        var outputs = Empty(Text(json, "decision") ?? "none");
        outputs["run-id"] = Text(json, "run") ?? "";
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("promoted", out var promoted) && promoted.ValueKind == JsonValueKind.True
            && json.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number)
        {
            outputs["model-version"] = $"{model}:{version.GetInt32()}";
        }

        return new ActionResult("retrain", exitCode, Text(json, "reason") ?? "", outputs);
    }

    /// <summary>The step summary section (after the report the lifecycle wrote there).</summary>
    public string Summary(string title)
    {
        var md = new StringBuilder();
        md.Append($"### {(ExitCode == 0 ? "✔" : "✘")} {title}\n\n");
        if (Message.Length > 0)
            md.Append(string.Join('\n', Message.Split('\n').Select(line => "> " + line))).Append("\n\n");
        var set = Outputs.Where(o => o.Value.Length > 0).ToList();
        if (set.Count > 0)
        {
            md.Append("| output | value |\n| --- | --- |\n");
            foreach (var (name, value) in set)
                md.Append($"| `{name}` | {(name == "comment-url" ? $"[{value}]({value})" : $"`{value}`")} |\n");
        }

        return md.ToString();
    }

    private static Dictionary<string, string> Empty(string verdict)
    {
        var outputs = OutputNames.ToDictionary(n => n, _ => "", StringComparer.Ordinal);
        outputs["verdict"] = verdict;
        return outputs;
    }

    // One word a workflow can branch on: the lifecycle's blocking outcomes first, then the gates, then the primary metric.
    private static string VerdictOf(string? outcome, bool gateFailed, PullRequestReport? report)
    {
        if (outcome is "blocked" or "conflict")
            return outcome;
        if (gateFailed)
            return "gate-failed";
        if (outcome == "mergerefused")
            return "blocked";
        var comparison = report?.Comparison;
        return comparison?[comparison.PrimaryMetric]?.Verdict switch
        {
            Verdict.Better => "better",
            Verdict.Worse => "worse",
            Verdict.NoSignificantChange => "no-change",
            _ => "none",
        };
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
