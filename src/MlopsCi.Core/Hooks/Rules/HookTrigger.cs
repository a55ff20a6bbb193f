using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks.Rules;

/// <summary>An <c>on:</c> entry: the event and the branch globs it applies to (empty: every branch).</summary>
public sealed record HookTrigger(HookEvent Event, IReadOnlyList<string> Branches)
{
    /// <summary>Whether this trigger fires for <paramref name="hookEvent"/> on <paramref name="branch"/>.</summary>
    public bool Matches(HookEvent hookEvent, string branch) =>
        hookEvent == Event && (Branches.Count == 0 || Branches.Any(pattern => Internal.Glob.Branch(pattern).IsMatch(branch)));
}
