namespace MlopsCi.Core.RowDiffs;

/// <summary>How many cells of a column differ between the two versions of the modified rows.</summary>
public sealed record ColumnCellChanges(string Column, long Cells);
