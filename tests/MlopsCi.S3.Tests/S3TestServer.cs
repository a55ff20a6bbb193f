using System.Net.Sockets;
using MlopsCi.S3;

namespace MlopsCi.S3.Tests;

/// <summary>
/// The real S3 server the tests run against: Ceph RGW started by scripts/test-services.sh, at MLOPS_TEST_S3_ENDPOINT
/// (default http://127.0.0.1:7480) with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default TESTAK / TESTSECRET).
/// An unreachable server fails the tests: it is part of the test run, not optional.
/// </summary>
internal static class S3TestServer
{
    private static readonly Lazy<Task> Reachable = new(CheckReachableAsync);

    public static Uri Endpoint { get; } = new(System.Environment.GetEnvironmentVariable("MLOPS_TEST_S3_ENDPOINT") is { Length: > 0 } e ? e : "http://127.0.0.1:7480");

    public static string AccessKey { get; } = System.Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } a ? a : "TESTAK";

    public static string SecretKey { get; } = System.Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } s ? s : "TESTSECRET";

    /// <summary>Options that keep retries quick in tests.</summary>
    public static S3StoreOptions Options { get; } = new()
    {
        CreateBucket = true,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        RequestTimeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A fresh bucket name (the store creates it).</summary>
    public static string NewBucket(string purpose)
    {
        var name = $"mlops-{purpose}-{Guid.NewGuid():N}";
        return name.Length > 63 ? name[..63] : name;
    }

    /// <summary>The environment the store sees: the test server's credentials and <paramref name="endpoint"/> (default: the server).</summary>
    public static Func<string, string?> EnvironmentFor(Uri? endpoint = null, string? secretKey = null) => name => name switch
    {
        "MLOPS_S3_ENDPOINT" => (endpoint ?? Endpoint).AbsoluteUri,
        "AWS_ACCESS_KEY_ID" => AccessKey,
        "AWS_SECRET_ACCESS_KEY" => secretKey ?? SecretKey,
        _ => null,
    };

    public static async Task<S3ObjectStore> OpenAsync(string storeUri, S3StoreOptions? options = null, Uri? endpoint = null)
    {
        await Reachable.Value;
        return await S3ObjectStore.OpenAsync(storeUri, options ?? Options, EnvironmentFor(endpoint), CancellationToken.None);
    }

    public static Task EnsureReachableAsync() => Reachable.Value;

    private static async Task CheckReachableAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(Endpoint.Host, Endpoint.Port, timeout.Token);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(Endpoint, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or HttpRequestException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"The S3 test server at {Endpoint} is unreachable ({e.Message}). These tests need a real S3 server: run "
                + "`scripts/test-services.sh start` (Ceph RGW on 127.0.0.1:7480), or set MLOPS_TEST_S3_ENDPOINT to one.", e);
        }
    }
}
