namespace MlopsCi.Core.Reporting;

/// <summary>
/// Row and schema differences of one table file. Rows are compared as whole records (a multiset), so a changed row
/// counts as one removed and one added; <see cref="Note"/> says when only counts could be compared.
/// </summary>
public sealed record TableDiff(
    long RowsBefore,
    long RowsAfter,
    long RowsAdded,
    long RowsRemoved,
    IReadOnlyList<string> ColumnsAdded,
    IReadOnlyList<string> ColumnsRemoved,
    IReadOnlyList<ColumnTypeChange> TypeChanges,
    string? Note = null)
{
    /// <summary>Whether the header or a column's type changed.</summary>
    public bool SchemaChanged => ColumnsAdded.Count > 0 || ColumnsRemoved.Count > 0 || TypeChanges.Count > 0;
}
