using MlopsCi.Core.Reporting;

namespace MlopsCi.Web.Internal;

/// <summary>A branch with its head commit: what the branches page lists.</summary>
internal sealed record BranchView(string Name, string Commit, bool Protected, long Version, DateTimeOffset LastChange, string Message, string? GitSha);

/// <summary>A tag and the commit it names.</summary>
internal sealed record TagView(string Name, string Commit, DateTimeOffset Time, string Message);

/// <summary>Branches and tags of the repository.</summary>
internal sealed record RefsView(string Store, string DefaultBranch, IReadOnlyList<BranchView> Branches, IReadOnlyList<TagView> Tags);

/// <summary>One commit as a log line.</summary>
internal sealed record CommitSummary(string Id, string Message, string Author, DateTimeOffset Time, IReadOnlyList<string> Parents, string? GitSha);

/// <summary>A page of a ref's history, newest first.</summary>
internal sealed record LogView(string Ref, int Page, int PageSize, IReadOnlyList<CommitSummary> Commits, bool More);

/// <summary>A changed file between two commits, with the table diff of CSV/TSV files.</summary>
internal sealed record ChangeView(string Kind, string Path, long? SizeBefore, long? SizeAfter, TableDiff? Table);

/// <summary>
/// Differences between two commits as the pull-request comment computes them; <see cref="Count"/> is the whole diff,
/// <see cref="Changes"/> at most a page of it.
/// </summary>
internal sealed record DiffView(string Left, string Right, string LeftCommit, string RightCommit, int Count, IReadOnlyList<ChangeView> Changes, long RowsAdded, long RowsRemoved)
{
    /// <summary>Rows modified (same key, other values) over the tables compared by key.</summary>
    public long RowsModified { get; init; }

    /// <summary>The key the page was asked to use for every table ("col,col"); null: the spec's data.keys.</summary>
    public string? Key { get; init; }
}

/// <summary>A commit with its metadata and its diff against the first parent.</summary>
internal sealed record CommitView(
    string Id,
    string Message,
    string Author,
    DateTimeOffset Time,
    IReadOnlyList<string> Parents,
    string? GitSha,
    IReadOnlyDictionary<string, string> Metadata,
    int Generation,
    long Entries,
    long Bytes,
    DiffView? Diff);

/// <summary>One item of a folder: a sub-folder (path ends with '/') or a file.</summary>
internal sealed record TreeItemView(string Name, string Path, bool Folder, long? Size, string? Hash);

/// <summary>A page of a folder at a ref; <see cref="Next"/> is the cursor of the next page.</summary>
internal sealed record TreeView(string Ref, string Commit, string Folder, IReadOnlyList<TreeItemView> Items, string? Next);

/// <summary>The first rows of a table file, with each column's inferred type.</summary>
internal sealed record PreviewView(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<IReadOnlyList<string>> Rows, bool More);

/// <summary>A file at a ref: its entry and, for CSV/TSV/Parquet, a preview (or why there is none).</summary>
internal sealed record FileView(string Ref, string Commit, string Path, long Size, string Hash, string Format, PreviewView? Preview, string? PreviewNote);
