namespace MlopsCi.Core.Hooks.Rules;

/// <summary>Where a hook is declared: the file in the data repository and the line of its entry.</summary>
public sealed record HookSource(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File} line {Line}";
}
