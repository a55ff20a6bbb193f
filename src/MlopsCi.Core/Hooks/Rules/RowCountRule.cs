namespace MlopsCi.Core.Hooks.Rules;

/// <summary>
/// <c>row-count</c>: each file has between <see cref="Min"/> and <see cref="Max"/> data rows and, with
/// <see cref="Change"/>, no more change than that from the destination's version of the file.
/// </summary>
public sealed record RowCountRule(long? Min, long? Max, ChangeLimit? Change = null) : HookRule
{
    /// <inheritdoc />
    public override string Describe()
    {
        var bounds = (Min, Max) switch
        {
            ({ } min, { } max) => $"between {min:N0} and {max:N0} rows",
            ({ } min, null) => $"at least {min:N0} rows",
            (null, { } max) => $"at most {max:N0} rows",
            _ => Change is null ? "any number of rows" : "",
        };
        var change = Change is null ? "" : $"row count within {Change} of the destination";
        return bounds.Length > 0 && change.Length > 0 ? $"{bounds}, {change}" : bounds + change;
    }
}
