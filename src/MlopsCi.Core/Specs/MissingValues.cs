using System.Buffers;

namespace MlopsCi.Core.Specs;

/// <summary>
/// The cell values that mean "no value". A blank cell always does; besides it, by default, <c>?</c>, <c>NA</c>,
/// <c>N/A</c>, <c>NaN</c>, <c>nan</c>, <c>null</c>, <c>NULL</c> and <c>None</c> (pandas' usual markers and ML.NET's
/// <c>?</c>). <c>model.data.csv.missing</c> replaces that list for data where one of them is a real value — a damage
/// class called <c>None</c>, a country code <c>NA</c>. Values are compared after trimming, case-sensitively.
/// </summary>
public sealed class MissingValues
{
    private readonly string[] _markers;

    // Every value whose first character starts no marker (and is not blank) is present: most values are ruled out there.
    private readonly SearchValues<char> _firsts;

    private static bool IsNumber(ReadOnlySpan<char> text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private MissingValues(IEnumerable<string> markers)
    {
        _markers = [.. markers.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal)];
        _firsts = SearchValues.Create([.. _markers.Select(m => m[0]).Distinct()]);
    }

    /// <summary>The default markers.</summary>
    public static MissingValues Default { get; } = new(["?", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"]);

    /// <summary>The markers besides a blank cell, in the order given.</summary>
    public IReadOnlyList<string> Markers => _markers;

    /// <summary>Exactly <paramref name="markers"/> (blank entries ignored: a blank cell is missing anyway).</summary>
    public static MissingValues Of(IEnumerable<string> markers) => new(markers);

    /// <summary>Whether <paramref name="value"/> is blank or, trimmed, one of the markers.</summary>
    public bool IsMissing(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
            return true;
        if (!char.IsWhiteSpace(value[0]) && !_firsts.Contains(value[0]))
            return false;
        var trimmed = value.Trim();
        if (trimmed.IsEmpty)
            return true;
        foreach (var marker in _markers)
        {
            if (trimmed.SequenceEqual(marker))
                return true;
        }

        return false;
    }

    /// <summary>Whether a marker is a number (-999, 0): ML.NET's loader would read it as that number, not as missing.</summary>
    public bool HasNumberMarkers => _markers.Any(m => IsNumber(m));

    /// <summary>Whether <paramref name="value"/>, trimmed, is one of the markers that are numbers.</summary>
    public bool IsNumberMarker(ReadOnlySpan<char> value) => IsMissing(value) && value.Trim() is { IsEmpty: false } trimmed && IsNumber(trimmed);
}
