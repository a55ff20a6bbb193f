namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>referential</c>: every value of <see cref="Column"/> exists in column <see cref="RefColumn"/> of table <see cref="RefFile"/> (as committed with the change).</summary>
public sealed record ReferentialRule(string Column, string RefFile, string RefColumn) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => $"a value of {RefFile}:{RefColumn}";
}
