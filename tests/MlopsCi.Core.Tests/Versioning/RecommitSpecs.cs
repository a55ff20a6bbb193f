using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

public sealed class RecommitSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Recommitting_unchanged_data_sends_no_blob_to_the_store()
    {
        var store = new CountingStore(new LocalFolderStore(_temp.Combine("store")));
        var repo = (await Repository.InitAsync(store, "main", new RepositoryOptions(TimeProvider.System, "t"), default)).Repository;
        for (var i = 0; i < 20; i++)
            _temp.Write($"data/{i}.csv", $"row {i}\n");
        await repo.CommitFolderAsync("main", _temp.Combine("data"), "", "first", new Dictionary<string, string>(), NoProgress.Instance, default);
        var blobWritesAfterFirst = store.BlobWrites;

        _temp.Write("data/new.csv", "new\n");
        await repo.CommitFolderAsync("main", _temp.Combine("data"), "", "second", new Dictionary<string, string>(), NoProgress.Instance, default);

        Assert.Equal(20, blobWritesAfterFirst);
        Assert.Equal(21, store.BlobWrites);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Counts attempts to write blobs (objects/…), whether or not the store already had them.</summary>
    private sealed class CountingStore(IObjectStore inner) : IObjectStore
    {
        private int _blobWrites;

        public int BlobWrites => _blobWrites;

        public string Location => inner.Location;

        public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

        public Task<byte[]?> TryReadAllAsync(string key, CancellationToken cancellationToken) => inner.TryReadAllAsync(key, cancellationToken);

        public Task<Stream?> TryOpenReadAsync(string key, CancellationToken cancellationToken) => inner.TryOpenReadAsync(key, cancellationToken);

        public Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            if (key.StartsWith("objects/", StringComparison.Ordinal))
                Interlocked.Increment(ref _blobWrites);
            return inner.PutIfAbsentAsync(key, content, cancellationToken);
        }

        public Task<bool> PutFileIfAbsentAsync(string key, string localPath, string? expectedSha256, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _blobWrites);
            return inner.PutFileIfAbsentAsync(key, localPath, expectedSha256, cancellationToken);
        }

        public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);

        public Task<VersionedObject?> TryReadVersionedAsync(string key, CancellationToken cancellationToken) => inner.TryReadVersionedAsync(key, cancellationToken);

        public Task<bool> TryWriteVersionedAsync(string key, ReadOnlyMemory<byte> content, string? expectedTag, CancellationToken cancellationToken) =>
            inner.TryWriteVersionedAsync(key, content, expectedTag, cancellationToken);

        public Task<bool> TryDeleteVersionedAsync(string key, string expectedTag, CancellationToken cancellationToken) => inner.TryDeleteVersionedAsync(key, expectedTag, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
