using System.Globalization;

namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>range</c>: every non-null value is a number within [<see cref="Min"/>, <see cref="Max"/>] (inclusive).</summary>
public sealed record RangeRule(IReadOnlyList<string> Columns, double? Min, double? Max) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => $"a number between {Format(min)} and {Format(max)}",
        ({ } min, null) => $"a number ≥ {Format(min)}",
        (null, { } max) => $"a number ≤ {Format(max)}",
        _ => "a number",
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
