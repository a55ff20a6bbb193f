namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// <c>compare</c>: in every row where both cells are set, <see cref="Left"/> <see cref="Operator"/> <see cref="Right"/>
/// holds (numbers as numbers, dates and times as instants, else ordinal text).
/// </summary>
public sealed record CompareRule(string Left, string Operator, string Right) : HookRule
{
    /// <summary>The operators a comparison may use.</summary>
    public static IReadOnlyList<string> Operators { get; } = ["<=", ">=", "==", "!=", "<", ">"];

    /// <inheritdoc />
    public override string Describe() => $"{Left} {Operator} {Right}";
}
