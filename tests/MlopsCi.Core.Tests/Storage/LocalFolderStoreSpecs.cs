using System.Text;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Storage;

public sealed class LocalFolderStoreSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task A_short_object_left_by_a_killed_writer_is_replaced_and_a_complete_one_is_kept()
    {
        await using var store = new LocalFolderStore(_temp.Combine("store"));
        var content = Encoding.UTF8.GetBytes("id,value\n1,2\n3,4\n");
        var key = Repository.BlobKey(Hashing.Sha256Hex(content));
        var path = Path.Combine(_temp.Combine("store"), key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content[..5]);

        var repaired = await store.PutIfAbsentAsync(key, content, default);
        var again = await store.PutIfAbsentAsync(key, content, default);

        Assert.True(repaired);
        Assert.False(again);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Equal(content, await store.TryReadAllAsync(key, default));
        Assert.Empty(Directory.GetFiles(_temp.Combine("store/tmp")));
    }

    [Fact]
    public async Task Concurrent_writers_of_the_same_object_store_it_once_complete()
    {
        await using var store = new LocalFolderStore(_temp.Combine("store"));
        var content = new byte[200_000];
        new Random(5).NextBytes(content);
        var key = Repository.BlobKey(Hashing.Sha256Hex(content));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.PutIfAbsentAsync(key, content, default))));

        Assert.Contains(true, results);
        Assert.Equal(content, await store.TryReadAllAsync(key, default));
    }

    public void Dispose() => _temp.Dispose();
}
