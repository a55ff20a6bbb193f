namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>new-categories</c>: every value of the columns already occurs in the destination's version of the file (warns by default).</summary>
public sealed record NewCategoriesRule(IReadOnlyList<string> Columns) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => "a value the destination has";
}
