using System.Collections.Concurrent;
using System.Diagnostics;
using MlopsCi.Core.Errors;
using MlopsCi.Testing;

namespace MlopsCi.S3.Tests;

/// <summary>A server that accepts connections and never answers: bounded, announced retries and a message that says it timed out.</summary>
public sealed class SilentEndpointSpecs : IDisposable
{
    private readonly SilentServer _server = new();

    private int Port => _server.Port;

    [Fact]
    public async Task A_server_that_never_answers_fails_within_the_configured_bound_announcing_each_retry()
    {
        var notices = new ConcurrentQueue<string>();
        var environment = new Dictionary<string, string>
        {
            ["MLOPS_S3_ENDPOINT"] = $"http://127.0.0.1:{Port}",
            ["AWS_ACCESS_KEY_ID"] = "TESTAK",
            ["AWS_SECRET_ACCESS_KEY"] = "TESTSECRET",
            ["MLOPS_S3_REQUEST_TIMEOUT"] = "500ms",
            ["MLOPS_S3_MAX_ATTEMPTS"] = "3",
        };
        var options = S3StoreOptions.Default with { RetryBaseDelay = TimeSpan.FromMilliseconds(50), OnRetry = notices.Enqueue };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StorageException>(() => S3ObjectStore.OpenAsync("s3://silent-bucket/repo", options, k => environment.GetValueOrDefault(k), default));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        Assert.Equal(1, error.ExitCode);
        Assert.Contains("timed out after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("MLOPS_S3_REQUEST_TIMEOUT", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, notices.Count);
        Assert.Matches(@"^S3 not answering at http://127\.0\.0\.1:\d+, retry 2/3 in [\d.]+ s$", notices.First());
        Assert.NotEqual(0, _server.Connections);
    }

    [Fact]
    public async Task A_malformed_timeout_setting_is_bad_input_naming_the_variable()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => S3ObjectStore.OpenAsync("s3://silent-bucket/repo", S3StoreOptions.Default, k => k == "MLOPS_S3_REQUEST_TIMEOUT" ? "soon" : null, default));

        Assert.Contains("MLOPS_S3_REQUEST_TIMEOUT is 'soon'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://AKIAX:supersecret@bucket/repo")]
    [InlineData("s3://AKIAX@bucket/repo")]
    [InlineData("s3://bucket/repo?X-Amz-Signature=supersecret")]
    public async Task A_store_uri_with_credentials_or_a_query_is_refused_without_echoing_them(string uri)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => S3ObjectStore.OpenAsync(uri, S3StoreOptions.Default, _ => null, default));

        Assert.DoesNotContain("supersecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAX", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _server.Dispose();
}
