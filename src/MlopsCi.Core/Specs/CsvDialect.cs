namespace MlopsCi.Core.Specs;

/// <summary>
/// How the model's delimited files are written (<c>model.data.csv</c>): the separator (null: sniffed from the first lines
/// among , ; tab |), whether the first line is a header, and the column names of a file without one.
/// </summary>
public sealed record CsvDialect(char? Separator, bool Header, IReadOnlyList<string> Columns)
{
    /// <summary>What a file without a dialect is read as: a header line and a sniffed separator.</summary>
    public static CsvDialect Sniffed { get; } = new(null, true, []);
}
