namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// <c>unique</c>: no two rows share the key made of <see cref="Columns"/> — within each file, or with
/// <see cref="AcrossFiles"/> (scope: table) across all the changed files the hook selects.
/// </summary>
public sealed record UniqueRule(IReadOnlyList<string> Columns, bool AcrossFiles = false) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => $"unique key ({string.Join(", ", Columns)}){(AcrossFiles ? " across the table's changed files" : "")}";
}
