using System.Text.Json.Serialization;
using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Core.Hooks;

/// <summary>
/// The outcome of one hook: passed when it has no findings. <see cref="Output"/> is the end of a command hook's
/// output; <see cref="FilesChecked"/> and <see cref="RowsChecked"/> say how much it looked at. A hook with
/// <see cref="HookSeverity.Warn"/> that has findings did not pass but does not block (<see cref="Blocks"/> is false).
/// </summary>
public sealed record HookResult(
    string HookId,
    string Type,
    string Rule,
    bool Passed,
    long FilesChecked,
    long RowsChecked,
    IReadOnlyList<HookFinding> Findings,
    HookSource Source,
    double Seconds,
    string? Output = null,
    HookSeverity Severity = HookSeverity.Fail)
{
    /// <summary>Whether this result stops the commit or merge: findings of a hook with severity fail.</summary>
    [JsonIgnore]
    public bool Blocks => !Passed && Severity == HookSeverity.Fail;

    /// <summary>Whether this result only warns: findings of a hook with severity warn.</summary>
    [JsonIgnore]
    public bool Warns => !Passed && Severity == HookSeverity.Warn;
}
