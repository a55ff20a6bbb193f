namespace MlopsCi.Core.Versioning;

/// <summary>
/// One page of a folder of a commit's tree: its sub-folders and files in path order (a folder's name ends with '/'),
/// and the cursor to pass as <c>after</c> for the next page (null on the last page).
/// </summary>
public sealed record TreePage(string Folder, IReadOnlyList<TreeItem> Items, string? Next);

/// <summary>A sub-folder (<see cref="Entry"/> null, <see cref="Name"/> ending with '/') or a file of a folder.</summary>
public sealed record TreeItem(string Name, Entry? Entry)
{
    /// <summary>Whether this is a sub-folder.</summary>
    public bool IsFolder => Entry is null;
}
