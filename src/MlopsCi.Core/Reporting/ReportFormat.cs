using System.Globalization;

namespace MlopsCi.Core.Reporting;

/// <summary>Number, size and text formatting for the Markdown report (invariant culture, real minus signs).</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A metric value: 4 decimals (thousands separators above 10,000).</summary>
    public static string Value(double value) =>
        double.IsNaN(value) ? "n/a" : Minus(Math.Abs(value) >= 10_000 ? value.ToString("N0", Invariant) : value.ToString("0.0000", Invariant));

    /// <summary>A signed value: "+0.0123" or "−0.0040".</summary>
    public static string Signed(double value) =>
        double.IsNaN(value) ? "n/a" : double.IsInfinity(value) ? (value > 0 ? "+∞" : "−∞") : (value > 0 ? "+" : "") + Value(value);

    /// <summary>A signed percentage with one decimal: "+4.1%".</summary>
    public static string Percent(double fraction) => (fraction > 0 ? "+" : "") + Minus((fraction * 100).ToString("0.0", Invariant)) + "%";

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(long value) => Minus(value.ToString("N0", Invariant));

    /// <summary>A byte size: "512 B", "34.2 KB", "1.5 MB".</summary>
    public static string Size(long? bytes) => bytes switch
    {
        null => "—",
        < 1024 => $"{bytes.Value.ToString(Invariant)} B",
        < 1024 * 1024 => $"{(bytes.Value / 1024.0).ToString("0.0", Invariant)} KB",
        < 1024L * 1024 * 1024 => $"{(bytes.Value / (1024.0 * 1024)).ToString("0.0", Invariant)} MB",
        _ => $"{(bytes.Value / (1024.0 * 1024 * 1024)).ToString("0.00", Invariant)} GB",
    };

    /// <summary>The first 12 characters of a commit id or hash, or "—".</summary>
    public static string ShortId(string? id) => string.IsNullOrEmpty(id) ? "—" : id.Length <= 12 ? id : id[..12];

    /// <summary>The first 7 characters of a git sha.</summary>
    public static string ShortSha(string? sha) => string.IsNullOrEmpty(sha) ? "—" : sha.Length <= 7 ? sha : sha[..7];

    /// <summary>Inline code, safe inside a table cell.</summary>
    public static string Code(string text) => "`" + text.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) + "`";

    /// <summary>Text safe inside a table cell (pipes escaped, line breaks flattened).</summary>
    public static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>"1 file" / "3 files".</summary>
    public static string Plural(long count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Minus(string text) => text.StartsWith('-') ? "−" + text[1..] : text;
}
