using MlopsCi.Testing;
using Xunit.Abstractions;

namespace MlopsCi.S3.Tests;

public sealed class ScratchSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task Scratch_strip()
    {
        await using var proxy = new FaultInjectingProxy(S3TestServer.Endpoint, FaultInjectionOptions.None with { StripConditionalHeaders = true, ResignWith = new SigV4Resigner(S3TestServer.AccessKey, S3TestServer.SecretKey), OnRequest = h => output.WriteLine(h.StartLine + " | " + string.Join("; ", h.Headers.Select(x => x.Key + "=" + x.Value))) });
        var e = await Record.ExceptionAsync(() => S3TestServer.OpenAsync($"s3://{S3TestServer.NewBucket("scratch")}/x", endpoint: proxy.Endpoint));
        output.WriteLine(e?.GetType().Name + ": " + e?.Message);
    }

    [Fact]
    public async Task Scratch_file()
    {
        var bucket = S3TestServer.NewBucket("scratch");
        await S3TestServer.OpenAsync($"s3://{bucket}/x");
        await using var proxy = new FaultInjectingProxy(S3TestServer.Endpoint, FaultInjectionOptions.None with { OnRequest = h => output.WriteLine(h.StartLine + " | " + string.Join("; ", h.Headers.Select(x => x.Key + "=" + x.Value))) });
        await using var store = await S3TestServer.OpenAsync($"s3://{bucket}/x", endpoint: proxy.Endpoint);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, new byte[100000]);
        output.WriteLine("put file: " + await store.PutFileIfAbsentAsync("f", path, null, default));
        output.WriteLine("cas: " + await store.TryWriteVersionedAsync("r", "x"u8.ToArray(), null, default));
        var v = await store.TryReadVersionedAsync("r", default);
        output.WriteLine("tag: " + v!.Tag);
        output.WriteLine("cas2: " + await store.TryWriteVersionedAsync("r", "y"u8.ToArray(), v.Tag, default));
        File.Delete(path);
    }
}
