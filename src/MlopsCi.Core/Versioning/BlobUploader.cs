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
            var (hash, size, wrote) = await StoreFileAsync(file, scan.Root, known, ct);
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

    private async Task<(string Hash, long Size, bool Wrote)> StoreFileAsync(ScannedFile file, string root, IReadOnlySet<string> known, CancellationToken cancellationToken)
    {
        try
        {
            // Read through a handle checked to be the file the scan saw (no link swapped in since); large files are
            // hashed and uploaded through that same open file, never through the name again.
            using var handle = WorkingFolderFiles.OpenInside(file.ReadPath, root);
            var source = handle is null ? file.ReadPath : WorkingFolderFiles.ReopenPath(handle);
            if (file.Size <= SmallFile)
            {
                var content = handle is null ? WorkingFolderFiles.ReadAllBytes(source, file.Size) : WorkingFolderFiles.ReadAllBytes(handle, file.Size, file.FullPath);
                return await WriteAsync(file, source, (content, content.Length), Hashing.Sha256Hex(content), known, cancellationToken);
            }

            var hash = await Hashing.Sha256FileAsync(source, cancellationToken);
            // The handle's length, not a FileInfo's: /proc/self/fd/N is a link whose own length means nothing.
            var size = handle is null ? new FileInfo(source).Length : RandomAccess.GetLength(handle);
            return await WriteAsync(file, source, (null, size), hash, known, cancellationToken);
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

    private async Task<(string Hash, long Size, bool Wrote)> WriteAsync(ScannedFile file, string source, (byte[]? Bytes, long Size) content, string hash, IReadOnlySet<string> known, CancellationToken cancellationToken)
    {
        // Failures from here on are the store's (full disk, no permission on the store), not the input file's.
        try
        {
            if (content.Bytes is { } bytes)
                return (hash, bytes.Length, !known.Contains(hash) && await store.PutOrRefreshAsync(StoreLayout.BlobKey(hash), bytes, cancellationToken));
            var key = StoreLayout.BlobKey(hash);
            // An existing blob is refreshed (gc's grace counts from this use) instead of sent again.
            var wrote = !known.Contains(hash) && !await store.TryRefreshAsync(key, cancellationToken)
                && await store.PutFileIfAbsentAsync(key, source, hash, cancellationToken);
            return (hash, content.Size, wrote);
        }
        catch (Exception e) when (e is IOException and not EndOfStreamException or UnauthorizedAccessException)
        {
            throw new StorageException($"Cannot write the content of '{file.Path}' to the store {store.Location}: {e.Message} Free space (or fix permissions) there and commit again; nothing was committed.", e);
        }
    }
}
