namespace MlopsCi.Core.Storage;

/// <summary>
/// A store whose objects are files in a local folder (the local store adapter). Core needs two things only such a store
/// has: its folder, so a checkout never writes into the store, and its temporary files, which gc removes once a killed
/// writer has left them behind. An interface of its own rather than optional members on <see cref="IObjectStore"/>: a
/// store in a bucket has neither, and a type test says "this store is a folder" without naming the adapter.
/// </summary>
public interface IFolderBackedStore : IObjectStore
{
    /// <summary>The absolute folder this store lives in.</summary>
    string Root { get; }

    /// <summary>
    /// Removes temporary files (left by writers killed mid-write) last written before <paramref name="olderThan"/>.
    /// Returns how many files and bytes were removed.
    /// </summary>
    (long Files, long Bytes) RemoveTemporaryFiles(DateTimeOffset olderThan);
}
