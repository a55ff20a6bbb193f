using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.RowDiffs;

/// <summary>
/// How to diff: the key columns (empty: whole records), how many changed rows to keep as samples, readers for formats
/// beyond CSV/TSV (e.g. Parquet), the folder for spill files, and the memory budget that decides how finely both sides
/// are hash-partitioned on disk.
/// </summary>
public sealed record RowDiffOptions
{
    /// <summary>The key columns; empty compares whole records.</summary>
    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>Changed rows kept as samples (the first by row number, per kind).</summary>
    public int MaxSamples { get; init; } = 20;

    /// <summary>Readers of formats other than CSV/TSV.</summary>
    public IReadOnlyList<ITableReader> Readers { get; init; } = [];

    /// <summary>The CSV dialect of each path (the spec's <c>model.data.csv</c> for the model's files); else a header line and a sniffed separator.</summary>
    public CsvDialects Dialects { get; init; } = CsvDialects.None;

    /// <summary>Where spill files go (default: the system's temporary folder).</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Roughly the most memory one partition may take while it is compared.</summary>
    public long MemoryBudget { get; init; } = 48L << 20;
}
