namespace MlopsCi.Core.Reporting;

/// <summary>Per-column drift between the baseline data (main) and the pull request's data, most severe first (the order the report shows).</summary>
/// <param name="Path">The file compared.</param>
/// <param name="PsiThreshold">PSI above which a column counts as drifted.</param>
/// <param name="Columns">Every compared column.</param>
public sealed record DriftSection(string Path, double PsiThreshold, IReadOnlyList<DriftRow> Columns);
