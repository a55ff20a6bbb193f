namespace MlopsCi.Core.RowDiffs;

/// <summary>How a row changed.</summary>
public enum RowChangeKind
{
    /// <summary>Only in the new version.</summary>
    Added,

    /// <summary>Only in the old version.</summary>
    Removed,

    /// <summary>Same key, other values.</summary>
    Modified,
}
