using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

/// <summary>A file found in a folder to commit: its repository path and where it is on disk.</summary>
internal sealed record ScannedFile(string Path, string FullPath, long Size);

/// <summary>The files of a folder, sorted by repository path, and what was skipped (with why).</summary>
internal sealed record FolderScan(IReadOnlyList<ScannedFile> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// Walks a folder to commit. Symbolic links are never followed out of it: a link pointing outside is refused, a link
/// to a file inside is read as that file, a link to a folder inside is skipped (its target is committed anyway).
/// <c>.git</c> and <c>.mlops</c> folders are skipped.
/// </summary>
internal static class FolderScanner
{
    private static readonly string[] SkippedFolders = [".git", ".mlops"];

    public static FolderScan Scan(string folder, string prefix)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
            throw new InvalidInputException(File.Exists(root)
                ? $"'{folder}' is a file; 'mlops data commit' takes a folder whose content becomes the branch."
                : $"The folder '{folder}' does not exist. Give the folder whose content should become the branch.");
        var files = new List<ScannedFile>();
        var skipped = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<FileSystemInfo> children;
            try
            {
                children = directory.EnumerateFileSystemInfos();
                children = [.. children];
            }
            catch (UnauthorizedAccessException e)
            {
                throw new InvalidInputException($"Cannot read the folder '{directory.FullName}': {e.Message} Fix its permissions or move it out of the folder being committed.", e);
            }

            foreach (var child in children)
                Visit(root, prefix, child, pending, files, skipped);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new FolderScan(files, skipped);
    }

    private static void Visit(string root, string prefix, FileSystemInfo child, Stack<DirectoryInfo> pending, List<ScannedFile> files, List<string> skipped)
    {
        var relative = Path.GetRelativePath(root, child.FullName).Replace('\\', '/');
        if (child.LinkTarget is not null)
        {
            var target = child.ResolveLinkTarget(returnFinalTarget: true);
            var resolved = target is null ? null : Path.GetFullPath(target.FullName);
            if (resolved is null || !(resolved + "/").StartsWith(root + "/", StringComparison.Ordinal))
                throw new InvalidInputException($"'{relative}' is a symbolic link pointing outside the folder ({child.LinkTarget}); links out of the committed folder are not followed. Copy the file in or remove the link.");
            if (!target!.Exists)
                throw new InvalidInputException($"'{relative}' is a broken symbolic link ({child.LinkTarget}). Remove it or fix its target.");
            if (target is DirectoryInfo)
            {
                skipped.Add($"{relative} (link to a folder inside; its target is committed)");
                return;
            }
        }

        if (child is DirectoryInfo directory)
        {
            if (Array.IndexOf(SkippedFolders, directory.Name) >= 0)
                skipped.Add($"{relative}/ (never committed)");
            else
                pending.Push(directory);
            return;
        }

        var path = prefix + relative;
        if (!PathRules.IsValid(path))
            throw new InvalidInputException($"The file name '{PathRules.Printable(relative)}' cannot be stored: names with control characters or backslashes are not allowed. Rename it.");
        var info = child.LinkTarget is null ? (FileInfo)child : new FileInfo(child.FullName);
        files.Add(new ScannedFile(path, child.FullName, info.Length));
    }
}
