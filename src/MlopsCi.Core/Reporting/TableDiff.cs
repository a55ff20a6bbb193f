using MlopsCi.Core.RowDiffs;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// Row and schema differences of one table file, as <see cref="RowDiffer"/> computes them. With a <see cref="Key"/>
/// (<c>data.keys</c> in mlops.yml), rows with the same key and other values are <see cref="RowsModified"/>, with the cells
/// changed per column and a sample of modified rows; without one, rows are compared as whole records (a multiset), so a
/// changed row counts as one removed and one added. <see cref="Note"/> says when rows could not be compared that way.
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
    /// <summary>The key columns rows were matched by; empty when compared as whole records.</summary>
    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>Rows whose key is in both versions with other values (0 without a key).</summary>
    public long RowsModified { get; init; }

    /// <summary>Cells changed per column over the modified rows, most changed first.</summary>
    public IReadOnlyList<ColumnCellChanges> ChangedColumns { get; init; } = [];

    /// <summary>Columns that hold the same values under another name.</summary>
    public IReadOnlyList<ColumnRename> ColumnsRenamed { get; init; } = [];

    /// <summary>The first modified rows by row number: the key cells and the changed cells, old and new.</summary>
    public IReadOnlyList<RowChange> ModifiedSamples { get; init; } = [];

    /// <summary>Rows of the new version whose key repeats an earlier row's (a finding: a key should name one row).</summary>
    public DuplicateKeys? DuplicatesAfter { get; init; }

    /// <summary>Whether rows were matched by key (else as whole records).</summary>
    public bool Keyed => Key.Count > 0;

    /// <summary>Whether the header or a column's type changed.</summary>
    public bool SchemaChanged => ColumnsAdded.Count > 0 || ColumnsRemoved.Count > 0 || TypeChanges.Count > 0 || ColumnsRenamed.Count > 0;
}
