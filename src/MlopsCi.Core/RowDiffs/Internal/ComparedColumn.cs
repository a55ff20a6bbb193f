namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>A column compared cell by cell, by its index on each side.</summary>
internal sealed record ComparedColumn(string Name, int Left, int Right);
