namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>schema</c>: the required columns and their types; other columns fail unless <see cref="AllowExtraColumns"/>.</summary>
public sealed record SchemaRule(IReadOnlyList<SchemaColumn> Columns, bool AllowExtraColumns) : HookRule
{
    /// <inheritdoc />
    public override string Describe() =>
        $"schema ({string.Join(", ", Columns.Select(c => $"{c.Name}: {c.Type.ToString().ToLowerInvariant()}"))}){(AllowExtraColumns ? ", other columns allowed" : "")}";
}
