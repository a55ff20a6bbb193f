using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks;

/// <summary>
/// What the hooks need from their surroundings: the clock, table readers beyond CSV/TSV (e.g. Parquet), a callback that
/// sees every run (console annotations), how many offending rows to show per finding, and how many files to read at once.
/// </summary>
public sealed record HookValidatorOptions(TimeProvider Time, IReadOnlyList<ITableReader> Readers, Action<HookRun>? OnRun = null, int MaxSamples = 5)
{
    /// <summary>The CSV dialect of each path (the spec's <c>model.data.csv</c> for the model's files); else a header line and a sniffed separator.</summary>
    public CsvDialects Dialects { get; init; } = CsvDialects.None;

    /// <summary>Files read in parallel.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Defaults: system clock, CSV/TSV only.</summary>
    public static HookValidatorOptions Default { get; } = new(TimeProvider.System, []);
}
