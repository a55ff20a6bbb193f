namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>row-count</c>: each file has between <see cref="Min"/> and <see cref="Max"/> data rows.</summary>
public sealed record RowCountRule(long? Min, long? Max) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => $"between {min:N0} and {max:N0} rows",
        ({ } min, null) => $"at least {min:N0} rows",
        (null, { } max) => $"at most {max:N0} rows",
        _ => "any number of rows",
    };
}
