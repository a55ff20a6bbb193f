using System.Globalization;

namespace MlopsCi.MLNet.Data;

/// <summary>How cell text is read as a number: the invariant culture (missing markers: <see cref="TextFormat.Missing"/>).</summary>
internal static class Values
{
    public static bool IsNumber(ReadOnlySpan<char> value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
