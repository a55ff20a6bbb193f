using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

/// <summary>Pages through a folder of a commit's tree the way a file browser shows it: files, and sub-folders as one item each.</summary>
internal sealed class TreeBrowser(CommitStore commits, TreeStore trees)
{
    /// <summary>
    /// One page of at most <paramref name="max"/> items of <paramref name="folder"/> ("" for the root) at a commit, sub-folders
    /// collapsed to one item each, starting after the cursor <paramref name="after"/> (a previous page's
    /// <see cref="TreePage.Next"/>). A sub-folder is skipped with one seek, so a page costs about its own size, not the folder's.
    /// </summary>
    public async Task<TreePage> BrowseAsync(Commit commit, string folder, string? after, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        folder = PathRules.NormalizePrefix(folder);
        if (after is not null && !after.StartsWith(folder, StringComparison.Ordinal))
            throw new InvalidInputException($"The page cursor '{PathRules.Printable(after)}' is not inside folder '{folder}'. Start again from the folder's first page.");
        var tree = await commits.GetTreeAsync(commit, cancellationToken);
        var items = new List<TreeItem>();
        var from = after is null ? folder : PastCursor(after);
        string? last = null;
        var more = false;
        while (!more)
        {
            string? skipTo = null;
            await foreach (var entry in trees.EnumerateFromAsync(tree, folder, from, cancellationToken))
            {
                if (items.Count == max)
                {
                    more = true;
                    break;
                }

                var rest = entry.Path[folder.Length..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    items.Add(new TreeItem(rest, entry));
                    last = entry.Path;
                    continue;
                }

                items.Add(new TreeItem(rest[..(slash + 1)], null));
                last = folder + rest[..(slash + 1)];
                skipTo = PastCursor(last);
                break;
            }

            if (skipTo is null)
                break;
            from = skipTo;
        }

        return new TreePage(folder, items, more ? last : null);
    }

    // The smallest path after a cursor: after a file, its path plus the lowest character; after a folder "a/", "a0"
    // ('0' follows '/'), which sorts after every path inside the folder.
    private static string PastCursor(string cursor) =>
        cursor.EndsWith('/') ? cursor[..^1] + "0" : cursor + "\0";
}
