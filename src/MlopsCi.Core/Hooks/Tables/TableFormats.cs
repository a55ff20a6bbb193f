namespace MlopsCi.Core.Hooks.Tables;

/// <summary>File formats by extension; <c>.gz</c> after a text format means gzip-compressed.</summary>
public static class TableFormats
{
    /// <summary>The formats whose rows hooks can read.</summary>
    public static IReadOnlyList<string> Tabular { get; } = ["csv", "tsv", "parquet"];

    /// <summary>The format of a path: the extension (lower case, "jpeg" → "jpg", "tab" → "tsv", "pq" → "parquet"), ignoring a trailing .gz; "" when none.</summary>
    public static string Of(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
            name = name[..^3];
        var dot = name.LastIndexOf('.');
        var extension = dot <= 0 ? "" : name[(dot + 1)..];
        return extension switch
        {
            "tab" => "tsv",
            "pq" => "parquet",
            "jpeg" => "jpg",
            "yaml" => "yml",
            _ => extension,
        };
    }

    /// <summary>Whether the path is gzip-compressed (ends with .gz).</summary>
    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The readers Core has itself (CSV and TSV); adapters add others, such as Parquet.</summary>
    public static IReadOnlyList<ITableReader> BuiltInReaders { get; } = [CsvTableReader.Csv, CsvTableReader.Tsv];

    /// <summary>Whether hooks can read the rows of this path.</summary>
    public static bool IsTabular(string path) => Tabular.Contains(Of(path));
}
