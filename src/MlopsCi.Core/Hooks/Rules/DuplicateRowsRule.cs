namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>duplicate-rows</c>: no whole record appears twice, within a file or (table scope) across the changed files the hook selects.</summary>
public sealed record DuplicateRowsRule(bool AcrossFiles) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => AcrossFiles ? "no duplicate rows across the table's changed files" : "no duplicate rows";
}
