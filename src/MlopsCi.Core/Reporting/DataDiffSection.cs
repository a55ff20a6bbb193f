namespace MlopsCi.Core.Reporting;

/// <summary>What the pull request changed in the data, from <see cref="BaseCommit"/> (the merge base with main) to <see cref="HeadCommit"/>.</summary>
public sealed record DataDiffSection(string BaseCommit, string HeadCommit, IReadOnlyList<FileChange> Files)
{
    /// <summary>Rows added over every compared table.</summary>
    public long RowsAdded => Files.Sum(f => f.Table?.RowsAdded ?? 0);

    /// <summary>Rows removed over every compared table.</summary>
    public long RowsRemoved => Files.Sum(f => f.Table?.RowsRemoved ?? 0);

    /// <summary>Rows modified (same key, other values) over every table compared by key.</summary>
    public long RowsModified => Files.Sum(f => f.Table?.RowsModified ?? 0);
}
