using MlopsCi.Core.Errors;
using MlopsCi.Testing;

namespace MlopsCi.S3.Tests;

[Trait("Speed", "Slow")]
public sealed class ConditionalWriteProbeSpecs
{
    [Fact]
    public async Task A_server_that_ignores_conditional_writes_is_refused()
    {
        await S3TestServer.EnsureReachableAsync();
        await using var proxy = new FaultInjectingProxy(S3TestServer.Endpoint, FaultInjectionOptions.None with
        {
            StripConditionalHeaders = true,
            ResignWith = new SigV4Resigner(S3TestServer.AccessKey, S3TestServer.SecretKey),
        });
        var root = $"s3://{S3TestServer.NewBucket("ignores")}/repo";

        var error = await Record.ExceptionAsync(() => S3TestServer.OpenAsync(root, endpoint: proxy.Endpoint));

        Assert.IsType<OperationFailedException>(error);
        Assert.Contains("does not enforce conditional writes", error.Message, StringComparison.Ordinal);
        Assert.Contains("lose commits", error.Message, StringComparison.Ordinal);
        Assert.Contains(root, error.Message, StringComparison.Ordinal);
        Assert.True(proxy.IgnoredConditions > 0);
    }

    [Fact]
    public async Task A_refusal_is_remembered_for_the_process()
    {
        await S3TestServer.EnsureReachableAsync();
        await using var proxy = new FaultInjectingProxy(S3TestServer.Endpoint, FaultInjectionOptions.None with { IgnoreConditionalWrites = true });
        var root = $"s3://{S3TestServer.NewBucket("ignores")}/repo";
        await Assert.ThrowsAsync<OperationFailedException>(() => S3TestServer.OpenAsync(root, endpoint: proxy.Endpoint));
        var before = proxy.Requests;

        await Assert.ThrowsAsync<OperationFailedException>(() => S3TestServer.OpenAsync(root, endpoint: proxy.Endpoint));

        Assert.Equal(1, proxy.Requests - before); // the bucket check only
    }

    [Fact]
    public async Task The_probe_runs_once_per_process_and_server()
    {
        await S3TestServer.EnsureReachableAsync();
        await using var proxy = new FaultInjectingProxy(S3TestServer.Endpoint, FaultInjectionOptions.None);
        var root = $"s3://{S3TestServer.NewBucket("probe")}/repo";

        await (await S3TestServer.OpenAsync(root, endpoint: proxy.Endpoint)).DisposeAsync();
        var first = proxy.Requests;
        await (await S3TestServer.OpenAsync(root, endpoint: proxy.Endpoint)).DisposeAsync();

        Assert.True(first >= 6, $"the first open made only {first} requests; the probe did not run");
        Assert.Equal(1, proxy.Requests - first);
    }

    [Fact]
    public async Task The_probe_leaves_no_scratch_object_behind()
    {
        await using var store = await S3TestServer.OpenAsync($"s3://{S3TestServer.NewBucket("probe")}/repo");

        var leftovers = 0;
        await foreach (var _ in store.ListAsync("_mlops/probe/", CancellationToken.None))
            leftovers++;

        Assert.Equal(0, leftovers);
    }

    [Fact]
    public async Task Ceph_rgw_wants_an_unquoted_etag_in_if_match()
    {
        await using var store = await S3TestServer.OpenAsync($"s3://{S3TestServer.NewBucket("probe")}/repo");

        Assert.False(store.ConditionalWrites.QuoteIfMatch);
    }
}
