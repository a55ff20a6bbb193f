using System.Globalization;

namespace MlopsCi.MLNet.Data;

/// <summary>How cell text is read: missing markers and invariant numbers.</summary>
internal static class Values
{
    public static bool IsMissing(ReadOnlySpan<char> value)
    {
        // Every marker starts with '?', 'N' or 'n' once trimmed: most values are ruled out by their first character.
        if (value.Length > 0 && value[0] is not ('?' or 'N' or 'n') && !char.IsWhiteSpace(value[0]))
            return false;
        var trimmed = value.Trim();
        return trimmed.Length == 0 || trimmed is "?" or "NA" or "N/A" or "NaN" or "nan" or "null" or "NULL" or "None";
    }

    public static bool IsNumber(ReadOnlySpan<char> value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
