namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// A check whose rule spans all the changed files a hook selects (a table): after every file's pass, the runner merges
/// the files' checks one by one in path order into one state, and each merge reports what repeats an earlier file.
/// </summary>
internal interface ICrossFileCheck
{
    /// <summary>Whether the rule, as configured, spans files (only then is the check kept after its file's pass).</summary>
    bool SpansFiles { get; }

    IReadOnlyList<HookFinding> Merge(ref object? state);
}
