using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Core.Hooks;

/// <summary>
/// The outcome of one hook: passed when it has no findings. <see cref="Output"/> is the end of a command hook's
/// output; <see cref="FilesChecked"/> and <see cref="RowsChecked"/> say how much it looked at.
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
    string? Output = null);
