using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.RowDiffs;

namespace MlopsCi.Core.Reporting;

/// <summary>How the data section compares tables: their keys (<c>data.keys</c>), readers beyond CSV/TSV, and how many modified rows each keeps.</summary>
public sealed record DataDiffOptions
{
    /// <summary>No keys, CSV/TSV only.</summary>
    public static DataDiffOptions Default { get; } = new();

    /// <summary>The key columns per path glob; tables without one are compared as whole records.</summary>
    public TableKeys Keys { get; init; } = TableKeys.None;

    /// <summary>Readers of formats other than CSV/TSV (e.g. Parquet).</summary>
    public IReadOnlyList<ITableReader> Readers { get; init; } = [];

    /// <summary>The CSV dialect of each path (the spec's <c>model.data.csv</c> for the model's files); else a header line and a sniffed separator.</summary>
    public CsvDialects Dialects { get; init; } = CsvDialects.None;

    /// <summary>Modified rows kept per table (the first by row number); the renderers show fewer when space is short.</summary>
    public int MaxSamples { get; init; } = 10;
}
