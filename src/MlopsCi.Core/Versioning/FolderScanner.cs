using System.IO.Enumeration;
using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// A file found in a folder to commit: its repository path, where it is on disk and, for a symbolic link to a file
/// inside the folder, the link's resolved target (read instead of the link, so the link is never followed again).
/// </summary>
internal sealed record ScannedFile(string Path, string FullPath, long Size, string? LinkTarget = null)
{
    /// <summary>The path to open: the file itself, or the target the scan resolved for a link.</summary>
    public string ReadPath => LinkTarget ?? FullPath;
}

/// <summary>The files of a folder (absolute <paramref name="Root"/>), sorted by repository path, and what was skipped (with why).</summary>
internal sealed record FolderScan(IReadOnlyList<ScannedFile> Files, IReadOnlyList<string> Skipped, string Root = "/");

/// <summary>
/// Walks a folder to commit. Symbolic links are never followed out of it: a link pointing outside is refused, a link
/// to a file inside is read as that file, a link to a folder inside is skipped (its target is committed anyway).
/// <c>.git</c> and <c>.mlops</c> folders are skipped. A name is stored exactly as it is on disk: a backslash is a
/// character of the name, never a separator, so such names (and names that are not UTF-8) are refused.
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
                        skipped.Add($"{Relative(root, fullPath)}/ (never committed)");
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
        return new FolderScan(files, skipped, root);
    }

    // Only the platform's own separator becomes '/': on Linux a backslash is part of a name, and mapping it to '/'
    // would store 'a\b.txt' as 'a/b.txt' (twice, if both exist).
    private static string Relative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static ScannedFile Checked(string root, string prefix, string fullPath, long size, string? linkTarget = null)
    {
        var relative = Relative(root, fullPath);
        var path = prefix + relative;
        // Names that are not UTF-8 reach .NET with U+FFFD in place of the bad bytes, and that name does not exist on disk.
        if (relative.Contains('\uFFFD', StringComparison.Ordinal) && !Path.Exists(fullPath))
            throw new InvalidInputException($"The file name '{PathRules.Printable(relative)}' is not valid UTF-8 (its bad bytes show as U+FFFD), so it cannot be stored. Rename it to a UTF-8 name (e.g. with 'convmv') and commit again; nothing was committed.");
        if (!PathRules.IsValid(path))
            throw new InvalidInputException($"The file name '{PathRules.Printable(relative)}' cannot be stored: names with control characters or backslashes are not allowed (a backslash is never read as a folder separator). Rename it; nothing was committed.");
        return new ScannedFile(path, fullPath, size, linkTarget);
    }

    private static void VisitLink(string root, string prefix, FileInfo link, List<ScannedFile> files, List<string> skipped)
    {
        var relative = Relative(root, link.FullName);
        var target = link.ResolveLinkTarget(returnFinalTarget: true);
        var resolved = target is null ? null : Path.GetFullPath(target.FullName);
        if (resolved is null || !(resolved + "/").StartsWith(root + "/", StringComparison.Ordinal))
            throw new InvalidInputException($"'{relative}' is a symbolic link pointing outside the folder ({link.LinkTarget}); links out of the committed folder are not followed. Copy the file in or remove the link.");
        // A FileInfo of a folder says it does not exist: ask about folders first, or a link to a folder looks broken.
        if (Directory.Exists(resolved))
        {
            skipped.Add($"{relative} (link to the folder {Relative(root, resolved)}/ inside; that folder is committed, the link is not)");
            return;
        }

        if (!File.Exists(resolved))
            throw new InvalidInputException($"'{relative}' is a broken symbolic link ({link.LinkTarget}). Remove it or fix its target.");
        files.Add(Checked(root, prefix, link.FullName, new FileInfo(resolved).Length, resolved));
    }
}
