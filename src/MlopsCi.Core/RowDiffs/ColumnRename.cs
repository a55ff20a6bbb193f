namespace MlopsCi.Core.RowDiffs;

/// <summary>A column that holds the same values under another name.</summary>
public sealed record ColumnRename(string Before, string After);
