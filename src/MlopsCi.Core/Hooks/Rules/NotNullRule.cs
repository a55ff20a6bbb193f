namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>not-null</c>: no empty cell in the columns.</summary>
public sealed record NotNullRule(IReadOnlyList<string> Columns) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => "not null";
}
