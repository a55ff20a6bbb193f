namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>allowed-values</c>: every non-null value is one of <see cref="Values"/>.</summary>
public sealed record AllowedValuesRule(IReadOnlyList<string> Columns, IReadOnlyList<string> Values, bool IgnoreCase) : HookRule
{
    /// <inheritdoc />
    public override string Describe() =>
        $"one of [{string.Join(", ", Values.Take(10))}{(Values.Count > 10 ? $", … {Values.Count - 10} more" : "")}]{(IgnoreCase ? " (ignoring case)" : "")}";
}
