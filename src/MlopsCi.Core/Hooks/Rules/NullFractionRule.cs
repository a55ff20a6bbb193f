using System.Globalization;

namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>null-fraction</c>: at most <see cref="Max"/> (0–1) of a file's rows are null in each column.</summary>
public sealed record NullFractionRule(IReadOnlyList<string> Columns, double Max) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => $"at most {(Max * 100).ToString("0.##", CultureInfo.InvariantCulture)}% null";
}
