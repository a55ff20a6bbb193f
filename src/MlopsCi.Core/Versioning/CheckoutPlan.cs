using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// What a checkout into a folder will do, decided before anything is written: which of the ref's files to write, which
/// files of the previous checkout to remove, which files already hold the right content (kept), and what stands in the
/// way. Only files the previous checkout wrote (its manifest) are ever removed; untracked files, <c>.git/</c> and
/// <c>.mlops/</c> are left alone. A conflict (a tracked file modified since, an untracked file or link where the ref has
/// a file) stops the checkout unless forced; a folder in the way or a path under <c>.git/</c> or <c>.mlops/</c> always does.
/// </summary>
internal sealed class CheckoutPlan
{
    private static readonly string[] ReservedSegments = [".git", ".mlops"];
    private readonly string _target;
    private readonly Dictionary<string, CheckoutRecord> _manifest;
    private readonly HashSet<string> _newPaths;
    private readonly bool _force;

    private CheckoutPlan(string target, Dictionary<string, CheckoutRecord> manifest, HashSet<string> newPaths, bool force)
    {
        _target = target;
        _manifest = manifest;
        _newPaths = newPaths;
        _force = force;
    }

    /// <summary>The ref's files whose content must be written.</summary>
    public List<Entry> Writes { get; } = [];

    /// <summary>Files already on disk with the ref's content, recorded as they are.</summary>
    public List<CheckoutRecord> Kept { get; } = [];

    /// <summary>Relative paths to remove before writing: files of the previous checkout the ref no longer has, and forced files in the way.</summary>
    public List<string> Deletes { get; } = [];

    /// <summary>What --force may override, each with why.</summary>
    public List<string> Conflicts { get; } = [];

    /// <summary>What nothing overrides, each with why.</summary>
    public List<string> Blocked { get; } = [];

    public static async Task<CheckoutPlan> BuildAsync(string target, IReadOnlyList<Entry> entries, Dictionary<string, CheckoutRecord> manifest, bool force, CancellationToken cancellationToken)
    {
        var plan = new CheckoutPlan(target, manifest, entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal), force);
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Path.Split('/').Any(s => ReservedSegments.Contains(s, StringComparer.Ordinal)))
            {
                plan.Blocked.Add($"{entry.Path} (under .git/ or .mlops/, which checkout never writes)");
                continue;
            }

            for (var slash = entry.Path.IndexOf('/'); slash > 0; slash = entry.Path.IndexOf('/', slash + 1))
            {
                if (ancestors.Add(entry.Path[..slash]))
                    plan.CheckAncestor(entry.Path[..slash]);
            }

            await plan.CheckFileAsync(entry, cancellationToken);
        }

        foreach (var record in manifest.Values.Where(r => !plan._newPaths.Contains(r.Path)).OrderBy(r => r.Path, StringComparer.Ordinal))
            await plan.CheckRemovalAsync(record, cancellationToken);
        return plan;
    }

    private void CheckAncestor(string path)
    {
        switch (KindOf(path))
        {
            case DiskKind.Link:
                Conflict(path, "a symbolic link where the ref has a folder", remove: true);
                break;
            case DiskKind.File when _manifest.ContainsKey(path):
                // A file of the previous checkout: CheckRemovalAsync decides whether it may be removed.
                break;
            case DiskKind.File:
                Conflict(path, "an untracked file where the ref has a folder", remove: true);
                break;
        }
    }

    private async Task CheckFileAsync(Entry entry, CancellationToken cancellationToken)
    {
        var tracked = _manifest.GetValueOrDefault(entry.Path);
        switch (KindOf(entry.Path))
        {
            case DiskKind.None:
                Writes.Add(entry);
                break;
            case DiskKind.Directory:
                Blocked.Add($"{entry.Path} (a folder is where the ref has a file; move it away)");
                break;
            case DiskKind.Link:
                ConflictOrWrite(entry, tracked is null ? "an untracked symbolic link in the way" : "modified since checkout (now a symbolic link)");
                break;
            case DiskKind.File when tracked is not null && Unchanged(entry.Path, tracked):
                if (tracked.Hash == entry.Hash)
                    Kept.Add(tracked);
                else
                    Writes.Add(entry);
                break;
            default:
                var full = Full(entry.Path);
                var onDisk = await Hashing.Sha256FileAsync(full, cancellationToken);
                if (onDisk == entry.Hash)
                    Kept.Add(CheckoutManifest.Stat(entry.Path, full, entry.Hash));
                else if (onDisk == tracked?.Hash)
                    Writes.Add(entry);
                else
                    ConflictOrWrite(entry, tracked is null ? "an untracked file in the way" : "modified since checkout");
                break;
        }
    }

    private async Task CheckRemovalAsync(CheckoutRecord record, CancellationToken cancellationToken)
    {
        switch (KindOf(record.Path))
        {
            case DiskKind.File when Unchanged(record.Path, record) || await Hashing.Sha256FileAsync(Full(record.Path), cancellationToken) == record.Hash:
                Deletes.Add(record.Path);
                break;
            case DiskKind.File:
                Conflict(record.Path, "modified since checkout, and the ref no longer has it", remove: true);
                break;
            case DiskKind.Link:
                Conflict(record.Path, "modified since checkout (now a symbolic link), and the ref no longer has it", remove: true);
                break;
        }
    }

    private void ConflictOrWrite(Entry entry, string why)
    {
        Conflicts.Add($"{entry.Path} ({why})");
        if (_force)
            Writes.Add(entry);
    }

    private void Conflict(string path, string why, bool remove)
    {
        Conflicts.Add($"{path} ({why})");
        if (_force && remove)
            Deletes.Add(path);
    }

    private bool Unchanged(string path, CheckoutRecord record)
    {
        var info = new FileInfo(Full(path));
        return info.Length == record.Size && info.LastWriteTimeUtc.Ticks == record.ModifiedTicks;
    }

    private string Full(string path) => Path.Combine(_target, path);

    private DiskKind KindOf(string path)
    {
        FileAttributes attributes;
        try
        {
            attributes = File.GetAttributes(Full(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return DiskKind.None;
        }

        return (attributes & FileAttributes.ReparsePoint) != 0 ? DiskKind.Link
            : (attributes & FileAttributes.Directory) != 0 ? DiskKind.Directory
            : DiskKind.File;
    }

    private enum DiskKind
    {
        None,
        File,
        Directory,
        Link,
    }
}
