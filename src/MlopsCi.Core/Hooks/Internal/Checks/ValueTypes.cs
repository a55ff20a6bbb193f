using System.Globalization;
using MlopsCi.Core.Hooks.Rules;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>Whether a text value is of a column type (invariant culture).</summary>
internal static class ValueTypes
{
    public static bool Matches(ColumnType type, ReadOnlySpan<char> value) => type switch
    {
        ColumnType.Integer => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        ColumnType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number),
        ColumnType.Boolean => IsBoolean(value),
        ColumnType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.TimeOfDay == TimeSpan.Zero),
        ColumnType.DateTime => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => true,
    };

    public static string Name(ColumnType type) => type switch
    {
        ColumnType.DateTime => "datetime",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static bool IsBoolean(ReadOnlySpan<char> value) =>
        value is "1" or "0"
        || value.Equals("true", StringComparison.OrdinalIgnoreCase)
        || value.Equals("false", StringComparison.OrdinalIgnoreCase);
}
