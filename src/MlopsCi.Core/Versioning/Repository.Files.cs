using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

public sealed partial class Repository
{
    /// <summary>Entries of a ref under a prefix ("" for all), in path order.</summary>
    public async IAsyncEnumerable<Entry> ListAsync(string reference, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A prefix is a path (or its start): '..' and the like are refused here as everywhere else, not silently empty.
        if (prefix.Trim('/') is { Length: > 0 } trimmed)
            PathRules.Validate(trimmed);
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
        PathRules.Validate(path.TrimStart('/'));
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

    /// <summary>Copies a blob to a local file through a temporary file, verified, then renamed into place.</summary>
    public async Task DownloadAsync(Entry entry, string destination, CancellationToken cancellationToken)
    {
        var temp = destination + ".mlops-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await WriteBlobAsync(entry, temp, cancellationToken);
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
    private async Task WriteBlobAsync(Entry entry, string path, CancellationToken cancellationToken)
    {
        if (entry.Size > Store.ParallelDownloadThreshold)
        {
            if (!await Store.TryDownloadFileAsync(BlobKey(entry.Hash), path, cancellationToken))
                throw MissingBlob(entry);
            var actual = await Hashing.Sha256FileAsync(path, cancellationToken);
            if (!string.Equals(actual, entry.Hash, StringComparison.Ordinal))
                throw VerifyingStream.Corrupt(entry, actual);
            return;
        }

        await using var source = await OpenBlobAsync(entry, cancellationToken);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        await source.CopyToAsync(target, (int)Math.Clamp(entry.Size, 4096, 1 << 20), cancellationToken);
    }

    private CorruptionException MissingBlob(Entry entry) =>
        new($"The content of '{entry.Path}' (blob {entry.Hash[..12]}…) is missing from {Store.Location}. Run 'mlops data fsck'.", [entry.Path]);
}
