using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.MLNet.Data;

namespace MlopsCi.MLNet.Modeling;

/// <summary>
/// Decides each column's role from the spec and the train file: features default to every column but the label,
/// ignored ones and the time column; declared text → text, declared categorical or non-numeric → one-hot.
/// Every column the spec names must exist (else bad input naming the spec line and the file's columns).
/// </summary>
internal static class ColumnPlanner
{
    /// <summary>Columns never read as numbers when inspecting a file for this spec.</summary>
    public static IReadOnlySet<string> NotNumeric(ModelSpec spec)
    {
        var names = new HashSet<string>([.. spec.Categorical, .. spec.Text, .. spec.Ignore], StringComparer.Ordinal);
        if (spec.TimeColumn is not null)
            names.Add(spec.TimeColumn);
        if (spec.Task != ModelTask.Regression)
            names.Add(spec.Label);
        return names;
    }

    /// <summary>Checks that the label and every named column exist in the file.</summary>
    /// <summary>Every column the spec names that the file lacks, all at once, each at its key's line with a close name when there is one.</summary>
    public static void CheckNames(ModelSpec spec, FileProfile file)
    {
        var errors = new List<SpecError>();
        if (file.IndexOf(spec.Label) < 0)
            errors.Add(Unknown(spec, "label", spec.Label, file, $"label column '{spec.Label}' is missing from {file.DisplayName}"));
        foreach (var (key, names) in new[] { ("features", spec.Features), ("categorical", spec.Categorical), ("text", spec.Text), ("ignore", spec.Ignore) })
        {
            foreach (var name in names.Where(n => file.IndexOf(n) < 0))
                errors.Add(Unknown(spec, key, name, file, $"'{key}' names column '{name}', which is not in {file.DisplayName}"));
        }

        if (spec.TimeColumn is { } time && file.IndexOf(time) < 0)
            errors.Add(Unknown(spec, "time-column", time, file, $"'time-column' names column '{time}', which is not in {file.DisplayName}"));
        if (errors.Count > 0)
            throw new InvalidInputException([.. errors.OrderBy(e => e.Line)]);
    }

    public static IReadOnlyList<PlannedColumn> Plan(ModelSpec spec, FileProfile train)
    {
        CheckNames(spec, train);
        var excluded = new HashSet<string>([spec.Label, .. spec.Ignore], StringComparer.Ordinal);
        if (spec.TimeColumn is not null && !spec.Features.Contains(spec.TimeColumn))
            excluded.Add(spec.TimeColumn);
        var wanted = spec.Features.Count > 0
            ? new HashSet<string>([.. spec.Features, .. spec.Categorical, .. spec.Text], StringComparer.Ordinal)
            : null;
        var columns = new List<PlannedColumn>();
        for (var i = 0; i < train.Header.Count; i++)
        {
            var name = train.Header[i];
            if (excluded.Contains(name) || (wanted is not null && !wanted.Contains(name)))
                continue;
            var kind = spec.Text.Contains(name) ? ColumnKind.Text
                : spec.Categorical.Contains(name) || !train.Numeric[i] ? ColumnKind.Categorical
                : ColumnKind.Numeric;
            columns.Add(new PlannedColumn(name, "c" + columns.Count, kind, train.Missing[i] > 0));
        }

        if (columns.Count == 0)
            throw new InvalidInputException($"{spec.At("features")}: no feature columns are left in {train.DisplayName} after removing the label and ignored columns.");
        return columns;
    }

    private static SpecError Unknown(ModelSpec spec, string key, string name, FileProfile file, string what)
    {
        // Only a name close enough to be a typo is suggested: 'target' is not a misspelt 'age'.
        var suggestion = Suggest.Closest(name, file.Header) is { } close ? $"did you mean '{close}'? " : "";
        var at = spec.At(key);
        return new SpecError(at.File, at.Line, $"{what} ({suggestion}columns: {string.Join(", ", file.Header)})");
    }
}
