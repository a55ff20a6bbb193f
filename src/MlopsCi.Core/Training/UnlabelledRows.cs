using System.Globalization;

namespace MlopsCi.Core.Training;

/// <summary>
/// The training data's rows without a label, left out of training and evaluation: <paramref name="Rows"/> of
/// <paramref name="Of"/>, how often each missing marker stood for the label (<paramref name="Values"/>; "" for a blank
/// cell), the markers that counted (<paramref name="Markers"/>, besides a blank cell) and whether the spec declared them
/// (<paramref name="Declared"/>: <c>model.data.csv.missing</c>); <paramref name="Classes"/>: the label is a class
/// (binary, multiclass), so a marker may be one of its values.
/// </summary>
public sealed record UnlabelledRows(int Rows, int Of, IReadOnlyDictionary<string, int> Values, IReadOnlyList<string> Markers, bool Declared, bool Classes = true)
{
    /// <summary>A share of unlabelled rows from which a run warns (10%): a marker may be a class, or the data half-labelled.</summary>
    public const double WarnShare = 0.10;

    /// <summary>"8,939 of 10,000 rows without a label left out ('None' 8,939)", or null when every row had one.</summary>
    public string? Describe() => Rows == 0
        ? null
        : $"{Count(Rows)} of {Count(Of)} row{(Of == 1 ? "" : "s")} without a label left out ({string.Join(", ", Values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Take(4).Select(v => $"{Shown(v.Key)} {Count(v.Value)}"))}{(Values.Count > 4 ? ", …" : "")})";

    /// <summary>
    /// A warning when at least <see cref="WarnShare"/> of the rows had no label, saying what to do: when a marker word
    /// (not a blank) stood for a class label, it may be a class, so how to declare the markers; else how to fill the gaps.
    /// </summary>
    public string? Warning
    {
        get
        {
            if (Rows == 0 || Rows < WarnShare * Of)
                return null;
            var share = (100.0 * Rows / Of).ToString("0", CultureInfo.InvariantCulture) + "%";
            var words = Values.Where(v => v.Key.Length > 0).OrderByDescending(v => v.Value).Select(v => v.Key).ToList();
            var what = $"{Count(Rows)} of {Count(Of)} rows ({share}) have no label and were left out of training and evaluation";
            if (words.Count == 0 || !Classes)
                return $"{what}: their label is {string.Join(" or ", Values.OrderByDescending(v => v.Value).Select(v => Shown(v.Key)))}. Fill it in, or remove those rows if they are not meant to be learnt from.";
            var kept = Markers.Where(m => !words.Contains(m, StringComparer.Ordinal)).Select(m => $"\"{m}\"");
            return Declared
                ? $"{what}: {string.Join(", ", words.Select(w => $"'{w}'"))} count{(words.Count == 1 ? "s" : "")} as missing by model.data.csv.missing. If it is a class, remove it from that list."
                : $"{what}: {string.Join(", ", words.Select(w => $"'{w}'"))} count{(words.Count == 1 ? "s" : "")} as missing by default. If {(words.Count == 1 ? "it is a class" : "one is a class")}, say which values mean missing: model.data.csv: {{ missing: [{string.Join(", ", kept)}] }} (a blank cell always does).";
        }
    }

    private static string Shown(string value) => value.Length == 0 ? "blank" : $"'{value}'";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
