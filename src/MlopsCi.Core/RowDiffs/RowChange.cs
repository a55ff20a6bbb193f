namespace MlopsCi.Core.RowDiffs;

/// <summary>
/// One changed row for display: its key values (empty when unkeyed), its row numbers (1-based data rows)
/// in each version, and cells side by side — for a modified row the key and the changed cells, else the whole record.
/// </summary>
public sealed record RowChange(RowChangeKind Kind, IReadOnlyList<string> Key, long? RowBefore, long? RowAfter, IReadOnlyList<CellChange> Cells);
