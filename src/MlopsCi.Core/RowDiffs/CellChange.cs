namespace MlopsCi.Core.RowDiffs;

/// <summary>A cell in both versions (null where the row or column is absent or the cell is empty).</summary>
public sealed record CellChange(string Column, string? Before, string? After)
{
    /// <summary>Whether the two values differ.</summary>
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}
