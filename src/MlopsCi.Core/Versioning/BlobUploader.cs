using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// Hashes files and writes the blobs the store lacks, in parallel; hashes in <c>known</c> (already in the branch) are
/// not sent at all; blobs the store already holds are refreshed, not sent (see <see cref="GcCoordination"/>). Small files are read once (hash and upload from
/// the same buffer); large ones are streamed twice with bounded memory: once to hash, once to upload (verified).
/// </summary>
internal sealed class BlobUploader(IObjectStore store, IProgressSink progress)
{
    private const int SmallFile = 1 << 20;

    public async Task<(List<Entry> Entries, TransferStats Stats)> UploadAsync(FolderScan scan, IReadOnlySet<string> known, CancellationToken cancellationToken)
    {
        var files = scan.Files;
        var entries = new Entry[files.Count];
        long done = 0, written = 0, bytes = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = store.TransferParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), options, async (i, ct) =>
        {
            var file = files[i];
            var (hash, size, wrote) = await StoreFileAsync(file, known, ct);
            entries[i] = new Entry(file.Path, hash, size);
            if (wrote)
            {
                Interlocked.Increment(ref written);
                Interlocked.Add(ref bytes, size);
            }

            progress.Report("files", Interlocked.Increment(ref done), files.Count);
        });
        return ([.. entries], new TransferStats(files.Count, written, bytes, scan.Skipped));
    }

    private async Task<(string Hash, long Size, bool Wrote)> StoreFileAsync(ScannedFile file, IReadOnlySet<string> known, CancellationToken cancellationToken)
    {
        try
        {
            if (file.Size <= SmallFile)
            {
                var content = LinuxFiles.ReadAllBytes(file.FullPath, file.Size);
                var hash = Hashing.Sha256Hex(content);
                return (hash, content.Length, !known.Contains(hash) && await store.PutOrRefreshAsync(Repository.BlobKey(hash), content, cancellationToken));
            }

            var streamed = await Hashing.Sha256FileAsync(file.FullPath, cancellationToken);
            var key = Repository.BlobKey(streamed);
            // An existing blob is refreshed (gc's grace counts from this use) instead of sent again.
            var wrote = !known.Contains(streamed) && !await store.TryRefreshAsync(key, cancellationToken)
                && await store.PutFileIfAbsentAsync(key, file.FullPath, streamed, cancellationToken);
            return (streamed, new FileInfo(file.FullPath).Length, wrote);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException($"Cannot read '{file.FullPath}': {e.Message} Fix its permissions (or remove it) and commit again; nothing was committed.", e);
        }
        catch (IOException e) when (e is not EndOfStreamException)
        {
            throw new InvalidInputException($"Cannot read '{file.FullPath}': {e.Message} Nothing was committed.", e);
        }
    }
}
