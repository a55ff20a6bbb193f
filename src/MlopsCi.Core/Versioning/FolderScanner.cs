using System.IO.Enumeration;
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
        var links = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        // One pass over directory entries with the sizes the enumeration already has: no extra stat per file.
        var enumeration = new FileSystemEnumerable<(string FullPath, long Size, bool IsDirectory, bool IsLink)>(
            root,
            (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory ? 0 : e.Length, e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
            options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0 && Array.IndexOf(SkippedFolders, e.FileName.ToString()) < 0,
        };
        try
        {
            foreach (var (fullPath, size, isDirectory, isLink) in enumeration)
            {
                if (isLink)
                    links.Add(fullPath);
                else if (isDirectory)
                {
                    if (Array.IndexOf(SkippedFolders, Path.GetFileName(fullPath)) >= 0)
                        skipped.Add($"{Path.GetRelativePath(root, fullPath).Replace('\\', '/')}/ (never committed)");
                }
                else
                    files.Add(Checked(root, prefix, fullPath, size));
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidInputException($"Cannot read a folder under '{folder}': {e.Message} Fix its permissions or move it out of the folder being committed.", e);
        }

        foreach (var link in links)
            VisitLink(root, prefix, new FileInfo(link), files, skipped);

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new FolderScan(files, skipped);
    }

    private static ScannedFile Checked(string root, string prefix, string fullPath, long size)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        var path = prefix + relative;
        if (!PathRules.IsValid(path))
            throw new InvalidInputException($"The file name '{PathRules.Printable(relative)}' cannot be stored: names with control characters or backslashes are not allowed. Rename it.");
        return new ScannedFile(path, fullPath, size);
    }

    private static void VisitLink(string root, string prefix, FileInfo link, List<ScannedFile> files, List<string> skipped)
    {
        var relative = Path.GetRelativePath(root, link.FullName).Replace('\\', '/');
        var target = link.ResolveLinkTarget(returnFinalTarget: true);
        var resolved = target is null ? null : Path.GetFullPath(target.FullName);
        if (resolved is null || !(resolved + "/").StartsWith(root + "/", StringComparison.Ordinal))
            throw new InvalidInputException($"'{relative}' is a symbolic link pointing outside the folder ({link.LinkTarget}); links out of the committed folder are not followed. Copy the file in or remove the link.");
        if (!target!.Exists)
            throw new InvalidInputException($"'{relative}' is a broken symbolic link ({link.LinkTarget}). Remove it or fix its target.");
        if (target is DirectoryInfo || Directory.Exists(resolved))
        {
            skipped.Add($"{relative} (link to a folder inside; its target is committed)");
            return;
        }

        files.Add(Checked(root, prefix, link.FullName, new FileInfo(resolved).Length));
    }
}
