namespace MlopsCi.Core.Storage;

/// <summary>
/// The storage port: a flat key space of immutable objects plus a few small mutable objects changed only by
/// compare-and-swap. Keys use '/' separators (e.g. <c>objects/ab/abcd…</c>, <c>refs/branches/main</c>).
/// Adapters: the local folder store (MlopsCi.LocalStore, the embedded default; see <see cref="IFolderBackedStore"/>)
/// and the S3 adapter (MlopsCi.S3).
/// </summary>
public interface IObjectStore : IAsyncDisposable
{
    /// <summary>Where the store lives, for messages (never contains secrets).</summary>
    string Location { get; }

    /// <summary>Whether an object exists.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads a whole (small) object, or null when it does not exist.</summary>
    Task<byte[]?> TryReadAllAsync(string key, CancellationToken cancellationToken);

    /// <summary>Opens an object for streaming reads, or null when it does not exist.</summary>
    Task<Stream?> TryOpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes a small object unless the key exists. Returns true when this call wrote it.</summary>
    Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>
    /// Uploads a local file unless the key exists, streaming with bounded memory. When <paramref name="expectedSha256"/>
    /// is given, the adapter verifies the bytes it stored hash to it (the file may change while it is read) and throws
    /// <see cref="Errors.InvalidInputException"/> when they do not. Returns true when this call wrote the object.
    /// </summary>
    Task<bool> PutFileIfAbsentAsync(string key, string localPath, string? expectedSha256, CancellationToken cancellationToken);

    /// <summary>Writes (or overwrites) a small object that is not part of the versioned data (logs, run history).</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Reads a small mutable object with its version tag (ETag), or null when it does not exist.</summary>
    Task<VersionedObject?> TryReadVersionedAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-swap: writes <paramref name="content"/> only if the object's current tag equals
    /// <paramref name="expectedTag"/> (null: only if the object does not exist). Returns false when the condition failed.
    /// </summary>
    Task<bool> TryWriteVersionedAsync(string key, ReadOnlyMemory<byte> content, string? expectedTag, CancellationToken cancellationToken);

    /// <summary>Deletes a mutable object only if its tag still equals <paramref name="expectedTag"/>. Returns false otherwise.</summary>
    Task<bool> TryDeleteVersionedAsync(string key, string expectedTag, CancellationToken cancellationToken);

    /// <summary>Deletes an object if it exists.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an existing object as just written (its <see cref="ObjectInfo.LastModified"/> becomes now), so gc's grace period
    /// counts from this use; false when the object does not exist. A writer that finds a content-addressed object already
    /// stored refreshes it before anything refers to it.
    /// </summary>
    Task<bool> TryRefreshAsync(string key, CancellationToken cancellationToken) => ExistsAsync(key, cancellationToken);

    /// <summary>Lists objects whose key starts with <paramref name="prefix"/>, in ordinal key order.</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>How many objects to transfer at once (a store with high per-request latency wants more).</summary>
    int TransferParallelism => Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>
    /// Objects larger than this are fetched by <see cref="TryDownloadFileAsync"/> in parallel ranges. Such a download
    /// cannot be hashed as it streams, so the caller verifies the file afterwards; smaller ones stream through
    /// <see cref="TryOpenReadAsync"/>, verified in one pass.
    /// </summary>
    long ParallelDownloadThreshold => long.MaxValue;

    /// <summary>
    /// Downloads an object to <paramref name="localPath"/> (created or replaced) with bounded memory. Returns false when
    /// the object does not exist. The content is not verified here.
    /// </summary>
    async Task<bool> TryDownloadFileAsync(string key, string localPath, CancellationToken cancellationToken)
    {
        await using var source = await TryOpenReadAsync(key, cancellationToken);
        if (source is null)
            return false;
        await using var target = new FileStream(localPath, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        await source.CopyToAsync(target, 1 << 20, cancellationToken);
        return true;
    }
}

/// <summary>A mutable object's content and its version tag.</summary>
public sealed record VersionedObject(byte[] Content, string Tag);

/// <summary>One listed object.</summary>
public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified);
