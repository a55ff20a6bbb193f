using System.Text.Json.Serialization;

namespace MlopsCi.Core.Specs;

/// <summary>
/// How the model's delimited files are written (<c>model.data.csv</c>): the separator (null: sniffed from the first lines
/// among , ; tab |), whether the first line is a header, the column names of a file without one, the name of the text
/// encoding (null: UTF-8, or what a byte order mark says; see <see cref="TextEncodings"/>) and the numbers' decimal mark
/// ('.' or ','), and which values mean missing (<see cref="Missing"/>).
/// </summary>
public sealed record CsvDialect(char? Separator, bool Header, IReadOnlyList<string> Columns, string? Encoding = null, char Decimal = '.')
{
    /// <summary>
    /// The values that mean "no value" besides a blank cell (<c>model.data.csv.missing</c>); null: the defaults of
    /// <see cref="MissingValues.Default"/> (and then left out of the spec's hash).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Missing { get; init; }

    /// <summary>What counts as missing in these files.</summary>
    [JsonIgnore]
    public MissingValues MissingValues => Missing is null ? MissingValues.Default : MissingValues.Of(Missing);

    /// <summary>What a file without a dialect is read as: a header line and a sniffed separator.</summary>
    public static CsvDialect Sniffed { get; } = new(null, true, []);

    /// <summary>The declared encoding (null: none declared).</summary>
    [JsonIgnore]
    public System.Text.Encoding? TextEncoding => Encoding is null ? null : TextEncodings.Find(Encoding) ?? throw new ArgumentException($"unknown encoding '{Encoding}'");

    /// <summary>
    /// Whether the file's bytes differ from what ML.NET's loader reads as is: UTF-8 text, '.' decimals, and no missing
    /// marker that is a number (-999), which it would read as that number. Other markers it reads as NaN in a numeric
    /// column, so they stay, and so do the row hashes of the training-row fingerprints.
    /// </summary>
    [JsonIgnore]
    public bool NeedsNormalising => Decimal != '.' || (Missing is not null && MissingValues.HasNumberMarkers) || (TextEncoding is { } encoding && encoding.CodePage != System.Text.Encoding.UTF8.CodePage);
}
