namespace MlopsCi.Core.RowDiffs;

/// <summary>
/// The row and cell differences between two versions of one table. With a <see cref="Key"/>, a row whose key is in both
/// versions with other values is <see cref="RowsModified"/>; without one, rows are compared as whole records (a changed
/// row counts as one removed and one added) and <see cref="Note"/> says that a key would show modifications.
/// </summary>
public sealed record RowDiff(
    string Path,
    IReadOnlyList<string> Key,
    long RowsBefore,
    long RowsAfter,
    long RowsAdded,
    long RowsRemoved,
    long RowsModified,
    IReadOnlyList<ColumnCellChanges> ChangedColumns,
    SchemaDiff Schema,
    DuplicateKeys? DuplicatesBefore,
    DuplicateKeys? DuplicatesAfter,
    IReadOnlyList<RowChange> Samples,
    string? Note)
{
    /// <summary>Whether rows are matched by key (else as whole records).</summary>
    public bool Keyed => Key.Count > 0;

    /// <summary>Rows present, identical, in both versions.</summary>
    public long RowsUnchanged => RowsAfter - RowsAdded - RowsModified;

    /// <summary>Whether anything differs (rows or schema).</summary>
    public bool HasChanges => RowsAdded > 0 || RowsRemoved > 0 || RowsModified > 0 || Schema.Changed;
}
