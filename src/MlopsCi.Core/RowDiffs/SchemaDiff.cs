namespace MlopsCi.Core.RowDiffs;

/// <summary>
/// Columns added and removed, renamed (a removed and an added column holding the same multiset of values, over the
/// same number of rows), and columns whose type changed (numbers ↔ text, judged on the first rows).
/// </summary>
public sealed record SchemaDiff(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<ColumnRename> Renamed,
    IReadOnlyList<Reporting.ColumnTypeChange> TypeChanged)
{
    /// <summary>Whether the schema differs at all.</summary>
    public bool Changed => Added.Count > 0 || Removed.Count > 0 || Renamed.Count > 0 || TypeChanged.Count > 0;
}
