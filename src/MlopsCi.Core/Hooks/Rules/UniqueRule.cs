namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>unique</c>: no two rows of a file share the key made of <see cref="Columns"/>.</summary>
public sealed record UniqueRule(IReadOnlyList<string> Columns) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => $"unique key ({string.Join(", ", Columns)})";
}
