namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// The reader of each table path, one choice for drift, hooks and the diffs: CSV and TSV (optionally .gz) by
/// <see cref="CsvTableReader"/> in the dialect <see cref="Dialects"/> gives the path, other formats by the adapters'
/// readers (e.g. Parquet).
/// </summary>
public sealed class TableReaderLookup
{
    private readonly Dictionary<string, ITableReader> _others;

    /// <summary>CSV/TSV in <paramref name="dialects"/> (null: a header line and a sniffed separator) and the formats of <paramref name="others"/>.</summary>
    public TableReaderLookup(IEnumerable<ITableReader>? others = null, CsvDialects? dialects = null)
    {
        _others = (others ?? []).Where(r => r.Format is not ("csv" or "tsv"))
            .GroupBy(r => r.Format, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        Dialects = dialects ?? CsvDialects.None;
    }

    /// <summary>The CSV dialect of each path.</summary>
    public CsvDialects Dialects { get; }

    /// <summary>The formats read, sorted (for messages).</summary>
    public IReadOnlyList<string> Formats => [.. _others.Keys.Append("csv").Append("tsv").Order(StringComparer.Ordinal)];

    /// <summary>The reader of a path by its format (<see cref="TableFormats.Of"/>), or null when none reads it.</summary>
    public ITableReader? For(string path)
    {
        var format = TableFormats.Of(path);
        if (format is "csv" or "tsv")
            return Dialects.Of(path) is { } dialect ? new CsvTableReader(format, dialect) : format == "csv" ? CsvTableReader.Csv : CsvTableReader.Tsv;
        return _others.GetValueOrDefault(format);
    }
}
