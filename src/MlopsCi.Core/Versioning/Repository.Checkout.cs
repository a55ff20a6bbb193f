using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

public sealed partial class Repository
{
    /// <summary>
    /// Materialises a ref into a folder. Files are written to a staging folder beside the target, each verified
    /// against its hash; only when all are good does the staging folder replace the target. A corrupt blob fails the
    /// checkout (naming the path) and leaves the target as it was.
    /// </summary>
    public async Task<(Commit Commit, TransferStats Stats)> CheckoutAsync(string reference, string folder, bool force, IProgressSink progress, CancellationToken cancellationToken)
    {
        var commit = await ResolveAsync(reference, cancellationToken);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (File.Exists(target))
            throw new InvalidInputException($"'{folder}' is a file; checkout needs a folder (it will be created).");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !force)
            throw new InvalidInputException($"The folder '{folder}' is not empty. Check out into a new folder, or pass --force to replace its content with '{reference}'.");
        var entries = new List<Entry>();
        await foreach (var entry in ListAsync(commit, "", cancellationToken))
            entries.Add(entry);
        var staging = target.TrimEnd('/') + ".mlops-staging-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        try
        {
            long done = 0, bytes = 0;
            var corrupt = new System.Collections.Concurrent.ConcurrentBag<string>();
            // The staging folder is the unit of atomicity: files are written straight into it, folders made up front.
            foreach (var folderPath in entries.Select(e => Path.GetDirectoryName(Path.Combine(staging, e.Path))!).Distinct(StringComparer.Ordinal))
                Directory.CreateDirectory(folderPath);
            var options = new ParallelOptions { MaxDegreeOfParallelism = Store.TransferParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(entries, options, async (entry, ct) =>
            {
                var destination = Path.Combine(staging, entry.Path);
                try
                {
                    await WriteBlobAsync(entry, destination, ct);
                    Interlocked.Add(ref bytes, entry.Size);
                }
                catch (CorruptionException)
                {
                    corrupt.Add(entry.Path);
                }

                progress.Report("files", Interlocked.Increment(ref done), entries.Count);
            });
            if (!corrupt.IsEmpty)
            {
                var paths = corrupt.Order(StringComparer.Ordinal).ToList();
                throw new CorruptionException($"Checkout of '{reference}' stopped: {paths.Count} file(s) are corrupt or missing in {Store.Location}:\n  {string.Join("\n  ", paths)}\nNothing was written to '{folder}'. Run 'mlops data fsck'.", paths);
            }

            ReplaceFolder(staging, target);
            return (commit, new TransferStats(entries.Count, entries.Count, bytes, []));
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    private static void ReplaceFolder(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
            return;
        }

        var old = target.TrimEnd('/') + ".mlops-old-" + Guid.NewGuid().ToString("N")[..8];
        Directory.Move(target, old);
        Directory.Move(staging, target);
        Directory.Delete(old, recursive: true);
    }
}
