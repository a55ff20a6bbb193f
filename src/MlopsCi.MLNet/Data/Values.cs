using System.Globalization;

namespace MlopsCi.MLNet.Data;

/// <summary>How cell text is read: missing markers and invariant numbers.</summary>
internal static class Values
{
    public static bool IsMissing(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 || trimmed is "?" or "NA" or "N/A" or "NaN" or "nan" or "null" or "NULL" or "None";
    }

    public static bool IsNumber(ReadOnlySpan<char> value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
