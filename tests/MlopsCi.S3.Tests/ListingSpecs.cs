namespace MlopsCi.S3.Tests;

[Trait("Speed", "Slow")]
public sealed class ListingSpecs
{
    private readonly string _bucket = S3TestServer.NewBucket("list");

    [Fact]
    public async Task Listing_pages_through_more_than_a_thousand_keys_in_ordinal_order()
    {
        await using var store = await S3TestServer.OpenAsync($"s3://{_bucket}/repo");
        var keys = Enumerable.Range(0, 1100).Select(i => $"objects/{i * 7919 % 1100:x4}/blob-{i}").ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, ct) =>
            await store.PutIfAbsentAsync(key, new byte[] { 1, 2, 3 }, ct));
        await store.PutIfAbsentAsync("refs/branches/main", "x"u8.ToArray(), CancellationToken.None);

        var listed = new List<string>();
        await foreach (var item in store.ListAsync("objects/", CancellationToken.None))
        {
            listed.Add(item.Key);
            Assert.Equal(3, item.Size);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task Listed_keys_are_relative_to_the_store_prefix()
    {
        await using var store = await S3TestServer.OpenAsync($"s3://{_bucket}/team/repo");
        await using var sibling = await S3TestServer.OpenAsync($"s3://{_bucket}/team/repo2");
        await store.PutIfAbsentAsync("refs/tags/v1", "a"u8.ToArray(), CancellationToken.None);
        await store.PutIfAbsentAsync("refs/branches/main", "b"u8.ToArray(), CancellationToken.None);
        await sibling.PutIfAbsentAsync("refs/branches/other", "c"u8.ToArray(), CancellationToken.None);

        var all = new List<string>();
        await foreach (var item in store.ListAsync("", CancellationToken.None))
            all.Add(item.Key);
        var refs = new List<string>();
        await foreach (var item in store.ListAsync("refs/b", CancellationToken.None))
            refs.Add(item.Key);

        Assert.Equal(["refs/branches/main", "refs/tags/v1"], all.Where(k => !k.StartsWith("_mlops/", StringComparison.Ordinal)));
        Assert.Equal(["refs/branches/main"], refs);
    }

    [Fact]
    public async Task An_empty_prefix_lists_nothing_without_failing()
    {
        await using var store = await S3TestServer.OpenAsync($"s3://{_bucket}/empty");

        var count = 0;
        await foreach (var _ in store.ListAsync("nothing/", CancellationToken.None))
            count++;

        Assert.Equal(0, count);
    }
}
