using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

public sealed partial class Repository
{
    /// <summary>Entries of a ref under a prefix ("" for all), in path order.</summary>
    public async IAsyncEnumerable<Entry> ListAsync(string reference, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tree = await GetTreeAsync(await ResolveAsync(reference, cancellationToken), cancellationToken);
        await foreach (var entry in _trees.EnumerateAsync(tree, prefix.TrimStart('/'), cancellationToken))
            yield return entry;
    }

    /// <summary>Entries of a commit's tree under a prefix, in path order.</summary>
    public async IAsyncEnumerable<Entry> ListAsync(Commit commit, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tree = await GetTreeAsync(commit, cancellationToken);
        await foreach (var entry in _trees.EnumerateAsync(tree, prefix.TrimStart('/'), cancellationToken))
            yield return entry;
    }

    /// <summary>The entry of one path at a commit, or null.</summary>
    public async Task<Entry?> FindAsync(Commit commit, string path, CancellationToken cancellationToken) =>
        await _trees.FindAsync(await GetTreeAsync(commit, cancellationToken), path, cancellationToken);

    /// <summary>The entry of one path at a ref; unknown paths are bad input.</summary>
    public async Task<Entry> GetEntryAsync(string reference, string path, CancellationToken cancellationToken)
    {
        var commit = await ResolveAsync(reference, cancellationToken);
        return await FindAsync(commit, path.TrimStart('/'), cancellationToken)
            ?? throw new InvalidInputException($"There is no file '{path}' at '{reference}' ({commit.Id[..12]}). 'mlops data ls {reference}' lists what is there.");
    }

    /// <summary>
    /// Opens a blob for reading; the stream verifies the content hash and throws <see cref="CorruptionException"/>
    /// at the end of the data if the stored bytes do not match, so corrupt data is never served silently.
    /// </summary>
    public async Task<Stream> OpenBlobAsync(Entry entry, CancellationToken cancellationToken)
    {
        var key = BlobKey(entry.Hash);
        var stream = await Store.TryOpenReadAsync(key, cancellationToken) ?? throw MissingBlob(entry);
        return new VerifyingStream(stream, entry);
    }

    /// <summary>
    /// Copies a blob to a local file through a temporary file, verified, then renamed into place. Large blobs on a store
    /// that downloads in parallel ranges are fetched that way and hashed once complete.
    /// </summary>
    public async Task DownloadAsync(Entry entry, string destination, CancellationToken cancellationToken)
    {
        var temp = destination + ".mlops-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            if (entry.Size > Store.ParallelDownloadThreshold)
            {
                if (!await Store.TryDownloadFileAsync(BlobKey(entry.Hash), temp, cancellationToken))
                    throw MissingBlob(entry);
                var actual = await Hashing.Sha256FileAsync(temp, cancellationToken);
                if (!string.Equals(actual, entry.Hash, StringComparison.Ordinal))
                    throw VerifyingStream.Corrupt(entry, actual);
            }
            else
            {
                await using var source = await OpenBlobAsync(entry, cancellationToken);
                await using var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
                await source.CopyToAsync(target, 1 << 20, cancellationToken);
            }

            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static CorruptionException MissingBlob(Entry entry) =>
        new($"The content of '{entry.Path}' (blob {entry.Hash[..12]}…) is missing from the store. Run 'mlops data fsck'.", [entry.Path]);
}
