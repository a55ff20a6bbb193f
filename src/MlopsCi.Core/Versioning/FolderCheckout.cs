using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Materialises a ref into a folder, like <c>git checkout</c>: writes the ref's files and removes the files of the
/// previous checkout (recorded in <c>.mlops/checkout</c>) that the ref no longer has; never touches untracked files,
/// <c>.git/</c> or <c>.mlops/</c>. New content is staged in <c>.mlops/staging-…</c> and every hash verified before
/// anything in the folder changes.
/// </summary>
internal sealed class FolderCheckout(Repository repository, BlobReader blobs)
{
    /// <summary>
    /// Checks out <paramref name="reference"/>. A tracked file modified since, or an untracked file in the way, stops it
    /// unless <paramref name="force"/>; a corrupt blob fails it (naming the path) and leaves the folder as it was.
    /// </summary>
    public async Task<(Commit Commit, TransferStats Stats)> CheckoutAsync(string reference, string folder, bool force, IProgressSink progress, CancellationToken cancellationToken)
    {
        var commit = await repository.ResolveAsync(reference, cancellationToken);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (File.Exists(target))
            throw new InvalidInputException($"'{folder}' is a file; checkout needs a folder (it will be created).");
        RefuseFolderHoldingStore(folder, target);
        var entries = new List<Entry>();
        await foreach (var entry in repository.ListAsync(commit, "", cancellationToken))
            entries.Add(entry);
        var plan = await CheckoutPlan.BuildAsync(target, entries, CheckoutManifest.Read(target), force, cancellationToken);
        if (plan.Blocked.Count > 0)
            throw new OperationFailedException($"Checkout of '{reference}' into '{folder}' stopped; nothing was written. In the way, and never overwritten or removed by checkout:\n  {Listed(plan.Blocked)}\nMove them away and check out again.");
        if (plan.Conflicts.Count > 0 && !force)
            throw new OperationFailedException($"Checkout of '{reference}' into '{folder}' stopped; nothing was written. These files would be overwritten or removed:\n  {Listed(plan.Conflicts)}\nCommit or move them, or pass --force to replace them with the ref's content (files the ref does not have are never touched).");

        var createdTarget = !Directory.Exists(target);
        var createdDotMlops = !Directory.Exists(Path.Combine(target, ".mlops"));
        var staging = Path.Combine(target, ".mlops", "staging-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(staging);
        var done = false;
        try
        {
            var bytes = await StageAsync(reference, folder, plan.Writes, staging, progress, cancellationToken);
            var records = Apply(plan, target, staging);
            CheckoutManifest.Write(target, commit.Id, records);
            done = true;
            return (commit, new TransferStats(entries.Count, plan.Writes.Count, bytes, []));
        }
        finally
        {
            if (!done && createdTarget)
                Directory.Delete(target, recursive: true);
            else
            {
                Directory.Delete(staging, recursive: true);
                if (!done && createdDotMlops)
                    Directory.Delete(Path.Combine(target, ".mlops"), recursive: true);
            }
        }
    }

    /// <summary>A checkout replaces files in the folder: refuse one that holds the store (or lies inside it).</summary>
    private void RefuseFolderHoldingStore(string folder, string target)
    {
        if (repository.Store is not IFolderBackedStore local)
            return;
        var root = Path.TrimEndingDirectorySeparator(local.Root);
        if (IsSameOrInside(root, target) || IsSameOrInside(target, root))
            throw new InvalidInputException($"'{folder}' holds the data store ({root}); checking out into it could overwrite the store. Check out into a folder of its own, e.g. '{Path.Combine(folder, "data")}'.");
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Listed(List<string> items) =>
        string.Join("\n  ", items.Take(50)) + (items.Count > 50 ? $"\n  … and {items.Count - 50} more" : "");

    /// <summary>Writes every blob to be checked out into the staging folder, each verified against its hash.</summary>
    private async Task<long> StageAsync(string reference, string folder, List<Entry> writes, string staging, IProgressSink progress, CancellationToken cancellationToken)
    {
        long done = 0, bytes = 0;
        var corrupt = new System.Collections.Concurrent.ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = repository.Store.TransferParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, writes.Count), options, async (i, ct) =>
        {
            try
            {
                await blobs.WriteAsync(writes[i], Path.Combine(staging, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
                Interlocked.Add(ref bytes, writes[i].Size);
            }
            catch (CorruptionException)
            {
                corrupt.Add(writes[i].Path);
            }

            progress.Report("files", Interlocked.Increment(ref done), writes.Count);
        });
        if (!corrupt.IsEmpty)
        {
            var paths = corrupt.Order(StringComparer.Ordinal).ToList();
            throw new CorruptionException($"Checkout of '{reference}' stopped: {paths.Count} file(s) are corrupt or missing in {repository.Store.Location}:\n  {string.Join("\n  ", paths)}\nNothing was written to '{folder}'. Run 'mlops data fsck'.", paths);
        }

        return bytes;
    }

    /// <summary>Removes what the plan removes, moves the staged files into place, and returns what the folder now holds.</summary>
    private static List<CheckoutRecord> Apply(CheckoutPlan plan, string target, string staging)
    {
        foreach (var path in plan.Deletes)
            File.Delete(Path.Combine(target, path));
        var records = new List<CheckoutRecord>(plan.Kept);
        for (var i = 0; i < plan.Writes.Count; i++)
        {
            var entry = plan.Writes[i];
            var destination = Path.Combine(target, entry.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(Path.Combine(staging, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), destination, overwrite: true);
            records.Add(CheckoutManifest.Stat(entry.Path, destination, entry.Hash));
        }

        foreach (var path in plan.Deletes)
            RemoveEmptyFolders(target, Path.GetDirectoryName(Path.Combine(target, path))!);
        return records;
    }

    /// <summary>Removes folders left empty by removed files, up to (not including) the checkout folder.</summary>
    private static void RemoveEmptyFolders(string target, string folder)
    {
        while (folder.Length > target.Length && IsSameOrInside(folder, target) && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }
}
