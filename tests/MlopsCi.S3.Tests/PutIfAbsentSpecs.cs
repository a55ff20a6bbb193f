using System.Text;

namespace MlopsCi.S3.Tests;

[Trait("Speed", "Slow")]
public sealed class PutIfAbsentSpecs
{
    private readonly string _root = $"s3://{S3TestServer.NewBucket("blobs")}/repo";

    [Fact]
    public async Task A_blob_is_written_once_and_never_overwritten()
    {
        await using var store = await S3TestServer.OpenAsync(_root);

        var first = await store.PutIfAbsentAsync("objects/ab/abc", "first"u8.ToArray(), CancellationToken.None);
        var second = await store.PutIfAbsentAsync("objects/ab/abc", "second"u8.ToArray(), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("first", Encoding.UTF8.GetString((await store.TryReadAllAsync("objects/ab/abc", CancellationToken.None))!));
    }

    [Fact]
    public async Task Missing_objects_read_as_null_and_do_not_exist()
    {
        await using var store = await S3TestServer.OpenAsync(_root);

        Assert.False(await store.ExistsAsync("objects/none", CancellationToken.None));
        Assert.Null(await store.TryReadAllAsync("objects/none", CancellationToken.None));
        Assert.Null(await store.TryOpenReadAsync("objects/none", CancellationToken.None));
        Assert.Null(await store.TryReadVersionedAsync("refs/branches/none", CancellationToken.None));
    }

    [Fact]
    public async Task A_written_object_streams_back_byte_for_byte()
    {
        await using var store = await S3TestServer.OpenAsync(_root);
        var content = new byte[3_000_000];
        new Random(7).NextBytes(content);
        await store.PutIfAbsentAsync("objects/big", content, CancellationToken.None);

        await using var stream = await store.TryOpenReadAsync("objects/big", CancellationToken.None);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.True(await store.ExistsAsync("objects/big", CancellationToken.None));
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Put_overwrites_and_delete_is_idempotent()
    {
        await using var store = await S3TestServer.OpenAsync(_root);

        await store.PutAsync("_mlops/runs/r1.json", "v1"u8.ToArray(), CancellationToken.None);
        await store.PutAsync("_mlops/runs/r1.json", "v2"u8.ToArray(), CancellationToken.None);
        var read = await store.TryReadAllAsync("_mlops/runs/r1.json", CancellationToken.None);
        await store.DeleteAsync("_mlops/runs/r1.json", CancellationToken.None);
        await store.DeleteAsync("_mlops/runs/r1.json", CancellationToken.None);

        Assert.Equal("v2", Encoding.UTF8.GetString(read!));
        Assert.False(await store.ExistsAsync("_mlops/runs/r1.json", CancellationToken.None));
    }

    [Fact]
    public async Task The_store_location_is_its_uri()
    {
        await using var store = await S3TestServer.OpenAsync(_root);

        Assert.Equal(_root, store.Location);
    }
}
