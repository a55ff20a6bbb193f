namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// <c>command</c>: runs <see cref="Run"/> with the shell, the changed files materialised in its working folder and
/// listed in its environment; a non-zero exit or running longer than <see cref="Timeout"/> fails the hook.
/// </summary>
public sealed record CommandRule(string Run, TimeSpan Timeout) : HookRule
{
    /// <inheritdoc />
    public override bool ReadsTables => false;

    /// <inheritdoc />
    public override string Describe() => $"'{Run}' exits with 0 within {Internal.Sizes.Format(Timeout)}";
}
