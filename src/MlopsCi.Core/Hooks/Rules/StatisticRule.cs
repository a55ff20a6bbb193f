using System.Globalization;

namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// <c>mean</c> (<see cref="Quantile"/> null) and <c>quantile</c>: the statistic of a numeric column's values in each file lies
/// within [<see cref="Min"/>, <see cref="Max"/>] and, with <see cref="Change"/>, that close to the destination's value.
/// </summary>
public sealed record StatisticRule(IReadOnlyList<string> Columns, double? Quantile, double? Min, double? Max, ChangeLimit? Change) : HookRule
{
    /// <summary>"mean" or "quantile 0.95".</summary>
    public string Statistic => Quantile is { } q ? $"quantile {q.ToString("0.###", CultureInfo.InvariantCulture)}" : "mean";

    /// <inheritdoc />
    public override string Describe()
    {
        var parts = new List<string>();
        if (Min is { } min)
            parts.Add($"≥ {ChangeLimit.Number(min)}");
        if (Max is { } max)
            parts.Add($"≤ {ChangeLimit.Number(max)}");
        if (Change is { } change)
            parts.Add($"within {change} of the destination");
        return $"{Statistic} {string.Join(", ", parts)}";
    }
}
