using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>Reads file contents out of the store, always verified against their hash: corrupt data is never served silently.</summary>
internal sealed class BlobReader(IObjectStore store)
{
    /// <summary>Opens a blob; the stream throws <see cref="CorruptionException"/> at the end of the data if the bytes do not match.</summary>
    public async Task<Stream> OpenAsync(Entry entry, CancellationToken cancellationToken)
    {
        var stream = await store.TryOpenReadAsync(StoreLayout.BlobKey(entry.Hash), cancellationToken) ?? throw Missing(entry);
        return new VerifyingStream(stream, entry);
    }

    /// <summary>Copies a blob to a local file through a temporary file, verified, then renamed into place.</summary>
    public async Task DownloadAsync(Entry entry, string destination, CancellationToken cancellationToken)
    {
        var temp = destination + ".mlops-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await WriteAsync(entry, temp, cancellationToken);
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Writes a blob to a new file, verified; on failure the file may be left partial (callers write into a temporary
    /// file or a staging folder). Large blobs on a store that downloads in parallel ranges are fetched that way and hashed
    /// once complete; others are hashed as they stream.
    /// </summary>
    public async Task WriteAsync(Entry entry, string path, CancellationToken cancellationToken)
    {
        if (entry.Size > store.ParallelDownloadThreshold)
        {
            if (!await store.TryDownloadFileAsync(StoreLayout.BlobKey(entry.Hash), path, cancellationToken))
                throw Missing(entry);
            var actual = await Hashing.Sha256FileAsync(path, cancellationToken);
            if (!string.Equals(actual, entry.Hash, StringComparison.Ordinal))
                throw VerifyingStream.Corrupt(entry, actual);
            return;
        }

        await using var source = await OpenAsync(entry, cancellationToken);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        await source.CopyToAsync(target, (int)Math.Clamp(entry.Size, 4096, 1 << 20), cancellationToken);
    }

    private CorruptionException Missing(Entry entry) =>
        new($"The content of '{entry.Path}' (blob {entry.Hash[..12]}…) is missing from {store.Location}. Run 'mlops data fsck'.", [entry.Path]);
}
