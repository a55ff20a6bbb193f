using System.Globalization;
using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Drift;

/// <summary>
/// Infers a column's kind from a sample of its values: numbers are <see cref="ColumnKind.Numeric"/> (unless there are
/// at most two distinct ones: a flag is categorical); dates and times, whole numbers that are all distinct (row ids,
/// counters: their range moves with every period), and text with mostly distinct values (identifiers, free text) are
/// <see cref="ColumnKind.Skipped"/>; other text is <see cref="ColumnKind.Categorical"/>.
/// Missing values (<see cref="MissingValues"/>: blank, NA, NaN, null … or the spec's own markers) are ignored.
/// </summary>
internal static class ColumnKindInference
{
    /// <summary>Rows of the baseline inspected before the kinds are fixed.</summary>
    public const int SampleSize = 1000;

    private const int MaxCategories = 100;
    private const int MinIdentifierSample = 100;

    /// <summary>The kind of a column and, when it is skipped, why.</summary>
    public static (ColumnKind Kind, string? Reason) Infer(IEnumerable<string> sample, MissingValues? missing = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        missing ??= MissingValues.Default;
        var values = sample.Where(v => !missing.IsMissing(v)).Select(v => v.Trim()).ToList();
        if (values.Count == 0)
            return (ColumnKind.Skipped, "no values in the baseline sample");
        var distinct = values.Distinct(StringComparer.Ordinal).Count();
        if (values.All(v => TryNumber(v, out _)))
        {
            if (distinct <= 2)
                return (ColumnKind.Categorical, null);
            if (distinct == values.Count && distinct >= MinIdentifierSample && values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
                return (ColumnKind.Skipped, $"identifier: {distinct} whole numbers, all distinct");
            return (ColumnKind.Numeric, null);
        }

        if (values.All(IsDateTime))
            return (ColumnKind.Skipped, "date/time column: its range moves with every new period");
        if (distinct > MaxCategories && distinct * 2 > values.Count)
            return (ColumnKind.Skipped, $"identifier or free text ({distinct} distinct values in {values.Count})");
        return (ColumnKind.Categorical, null);
    }

    /// <summary>Parses a finite number written with the invariant culture.</summary>
    public static bool TryNumber(ReadOnlySpan<char> value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private static bool IsDateTime(string value) =>
        value.Any(c => c is '-' or '/' or ':') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
