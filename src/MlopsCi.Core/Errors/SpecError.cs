namespace MlopsCi.Core.Errors;

/// <summary>One problem of a spec file (mlops.yml, a hooks file): the file, the 1-based line (and column when known), and what is wrong.</summary>
public sealed record SpecError(string File, int Line, string Message, int? Column = null)
{
    /// <summary>"mlops.yml line 7: unknown key 'lable' under 'model' (did you mean 'label'?)."</summary>
    public override string ToString() =>
        Line <= 0 ? $"{File}: {Message}." : Column is { } column ? $"{File} line {Line}, column {column}: {Message}." : $"{File} line {Line}: {Message}.";

    /// <summary>One problem as itself; more as a count and one line each.</summary>
    public static string Describe(IReadOnlyList<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
            throw new ArgumentException("A spec error needs at least one problem.", nameof(errors));
        return errors.Count == 1 ? errors[0].ToString() : $"{errors[0].File} has {errors.Count} errors:\n" + string.Join('\n', errors.Select(e => e.ToString()));
    }
}
