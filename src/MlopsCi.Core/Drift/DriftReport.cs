using System.Text.Json.Serialization;
using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Drift;

/// <summary>
/// Drift between two versions of the data: which refs and commits, which files, the thresholds used, and every column
/// sorted by severity (drifted first, then by PSI and p-value; skipped columns last).
/// </summary>
public sealed record DriftReport(
    string BaselineRef,
    string BaselineCommit,
    string CurrentRef,
    string CurrentCommit,
    IReadOnlyList<string> BaselinePaths,
    IReadOnlyList<string> CurrentPaths,
    long BaselineRows,
    long CurrentRows,
    DriftSpec Thresholds,
    IReadOnlyList<DriftColumn> Columns)
{
    /// <summary>Whether any column drifted.</summary>
    public bool HasDrift => Columns.Any(c => c.Drifted);

    /// <summary>How many columns drifted.</summary>
    public int DriftedCount => Columns.Count(c => c.Drifted);

    /// <summary>The drifted columns, most severe first.</summary>
    [JsonIgnore]
    public IReadOnlyList<DriftColumn> Drifted => [.. Columns.Where(c => c.Drifted)];

    /// <summary>
    /// The <see cref="DriftSpec.Top"/> most severe compared columns (drifted or not; skipped ones only when they drifted,
    /// e.g. a removed column): what the pull-request report shows.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<DriftColumn> Top => [.. Columns.Where(c => c.Kind != ColumnKind.Skipped || c.Drifted).Take(Thresholds.Top)];

    /// <summary>"3 of 5 columns drifted (PSI &gt; 0.2 or p &lt; 0.05)" or "No drift in 5 columns …".</summary>
    public string Summary
    {
        get
        {
            var compared = Columns.Count(c => c.Kind != ColumnKind.Skipped);
            var rule = $"PSI > {Format.Number(Thresholds.PsiThreshold)}, KS p < {Format.Number(Thresholds.KsPValue)} or χ² p < {Format.Number(Thresholds.Chi2PValue)}";
            return HasDrift
                ? $"{DriftedCount} of {Columns.Count} columns drifted ({rule}); {compared} compared."
                : $"No drift in {compared} compared columns ({rule}).";
        }
    }
}
