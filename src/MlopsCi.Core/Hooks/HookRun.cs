using System.Text.Json.Serialization;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks;

/// <summary>
/// The hooks run for one commit or merge attempt (or an on-demand validation): where, when, with which rules, on how
/// many changed paths, and each hook's result in configuration order. Recorded by <see cref="HookRunStore"/>.
/// </summary>
public sealed record HookRun(
    string Id,
    string Branch,
    HookEvent Event,
    DateTimeOffset Time,
    string RulesCommit,
    string Tree,
    int Changes,
    IReadOnlyList<HookResult> Results)
{
    /// <summary>Whether no hook blocks the change (hooks with severity warn may have findings).</summary>
    public bool Passed => Results.All(r => !r.Blocks);

    /// <summary>The ids of the hooks that failed and block, in configuration order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FailedHooks => [.. Results.Where(r => r.Blocks).Select(r => r.HookId)];

    /// <summary>The ids of the hooks with severity warn that found something, in configuration order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> WarnedHooks => [.. Results.Where(r => r.Warns).Select(r => r.HookId)];

    /// <summary>The run as table lines for a report (e.g. the Validation section of a pull-request comment).</summary>
    [JsonIgnore]
    public IReadOnlyList<ValidationSummary> Summaries =>
        [.. Results.SelectMany(r => r.Passed
            ? [new ValidationSummary(r.HookId, r.Type, Event, true, null, null, r.Rule, 0, [], $"passed ({r.FilesChecked:N0} files, {r.RowsChecked:N0} rows checked)")]
            : r.Findings.Select(f => new ValidationSummary(r.HookId, r.Type, Event, false, f.File, f.Column, f.Rule, f.OffendingRows, f.Samples, f.Message)))];
}
