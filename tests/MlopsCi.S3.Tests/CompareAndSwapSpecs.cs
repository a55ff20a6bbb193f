using System.Globalization;
using System.Text;

namespace MlopsCi.S3.Tests;

[Trait("Speed", "Slow")]
public sealed class CompareAndSwapSpecs
{
    private readonly string _root = $"s3://{S3TestServer.NewBucket("cas")}/repo";

    [Fact]
    public async Task A_ref_is_created_only_when_absent()
    {
        await using var store = await S3TestServer.OpenAsync(_root);

        var created = await store.TryWriteVersionedAsync("refs/branches/main", "c1"u8.ToArray(), null, CancellationToken.None);
        var again = await store.TryWriteVersionedAsync("refs/branches/main", "c2"u8.ToArray(), null, CancellationToken.None);
        var read = await store.TryReadVersionedAsync("refs/branches/main", CancellationToken.None);

        Assert.True(created);
        Assert.False(again);
        Assert.Equal("c1", Encoding.UTF8.GetString(read!.Content));
    }

    [Fact]
    public async Task A_ref_changes_only_from_its_current_tag()
    {
        await using var store = await S3TestServer.OpenAsync(_root);
        await store.TryWriteVersionedAsync("refs/branches/dev", "c1"u8.ToArray(), null, CancellationToken.None);
        var v1 = await store.TryReadVersionedAsync("refs/branches/dev", CancellationToken.None);

        var updated = await store.TryWriteVersionedAsync("refs/branches/dev", "c2"u8.ToArray(), v1!.Tag, CancellationToken.None);
        var stale = await store.TryWriteVersionedAsync("refs/branches/dev", "c3"u8.ToArray(), v1.Tag, CancellationToken.None);
        var v2 = await store.TryReadVersionedAsync("refs/branches/dev", CancellationToken.None);

        Assert.True(updated);
        Assert.False(stale);
        Assert.Equal("c2", Encoding.UTF8.GetString(v2!.Content));
        Assert.NotEqual(v1.Tag, v2.Tag);
    }

    [Fact]
    public async Task Updating_a_missing_ref_with_a_tag_fails()
    {
        await using var store = await S3TestServer.OpenAsync(_root);

        var written = await store.TryWriteVersionedAsync("refs/branches/gone", "c1"u8.ToArray(), "0123456789abcdef0123456789abcdef", CancellationToken.None);

        Assert.False(written);
        Assert.Null(await store.TryReadVersionedAsync("refs/branches/gone", CancellationToken.None));
    }

    [Fact]
    public async Task A_ref_is_deleted_only_at_the_expected_tag()
    {
        await using var store = await S3TestServer.OpenAsync(_root);
        await store.TryWriteVersionedAsync("refs/branches/pr-1", "c1"u8.ToArray(), null, CancellationToken.None);
        var v1 = await store.TryReadVersionedAsync("refs/branches/pr-1", CancellationToken.None);
        await store.TryWriteVersionedAsync("refs/branches/pr-1", "c2"u8.ToArray(), v1!.Tag, CancellationToken.None);
        var v2 = await store.TryReadVersionedAsync("refs/branches/pr-1", CancellationToken.None);

        var staleDelete = await store.TryDeleteVersionedAsync("refs/branches/pr-1", v1.Tag, CancellationToken.None);
        var stillThere = await store.ExistsAsync("refs/branches/pr-1", CancellationToken.None);
        var delete = await store.TryDeleteVersionedAsync("refs/branches/pr-1", v2!.Tag, CancellationToken.None);

        Assert.False(staleDelete);
        Assert.True(stillThere);
        Assert.True(delete);
        Assert.False(await store.ExistsAsync("refs/branches/pr-1", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_increments_of_a_counter_ref_lose_no_update()
    {
        const int Writers = 8;
        const int IncrementsEach = 10;
        var stores = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => S3TestServer.OpenAsync(_root)));
        try
        {
            await stores[0].TryWriteVersionedAsync("refs/counter", Counter.Encode(0, "init"), null, CancellationToken.None);

            var conflicts = await Task.WhenAll(stores.Select((store, writer) => Task.Run(async () =>
            {
                var lost = 0;
                for (var i = 0; i < IncrementsEach; i++)
                {
                    while (true)
                    {
                        var current = await store.TryReadVersionedAsync("refs/counter", CancellationToken.None);
                        var next = Counter.Encode(Counter.Decode(current!.Content) + 1, $"{writer}-{i}");
                        if (await store.TryWriteVersionedAsync("refs/counter", next, current.Tag, CancellationToken.None))
                            break;
                        lost++;
                    }
                }

                return lost;
            })));

            var final = await stores[0].TryReadVersionedAsync("refs/counter", CancellationToken.None);
            Assert.Equal(Writers * IncrementsEach, Counter.Decode(final!.Content));
            Assert.True(conflicts.Sum() > 0, "the writers never collided, so the test proved nothing about compare-and-swap");
        }
        finally
        {
            foreach (var store in stores)
                await store.DisposeAsync();
        }
    }
}

/// <summary>A counter ref's content: the value plus who wrote it, so two writers never write identical bytes.</summary>
internal static class Counter
{
    public static byte[] Encode(int value, string writer) => Encoding.UTF8.GetBytes($"{value.ToString(CultureInfo.InvariantCulture)} {writer} {Guid.NewGuid():N}");

    public static int Decode(byte[] content) => int.Parse(Encoding.UTF8.GetString(content).Split(' ')[0], CultureInfo.InvariantCulture);
}
