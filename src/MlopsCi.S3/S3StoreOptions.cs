namespace MlopsCi.S3;

/// <summary>
/// How to reach an S3-compatible object store. Unset values come from the environment (see
/// <see cref="S3ObjectStore.OpenAsync(string, S3StoreOptions, Func{string, string?}, CancellationToken)"/>).
/// </summary>
public sealed record S3StoreOptions
{
    /// <summary>The options with every value at its default.</summary>
    public static S3StoreOptions Default { get; } = new();

    /// <summary>Service URL such as <c>http://127.0.0.1:7480</c>; else <c>MLOPS_S3_ENDPOINT</c>, else <c>AWS_ENDPOINT_URL</c>, else AWS.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Region; else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>, else <c>us-east-1</c>.</summary>
    public string? Region { get; init; }

    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>); null means on for a custom endpoint, off for AWS.</summary>
    public bool? ForcePathStyle { get; init; }

    /// <summary>Shared-credentials profile to use; else <c>AWS_PROFILE</c>, else the standard AWS credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>Create the bucket when it does not exist (otherwise opening a missing bucket fails).</summary>
    public bool CreateBucket { get; init; }

    /// <summary>Files larger than this are uploaded in parts (default 64 MiB).</summary>
    public long MultipartThreshold { get; init; } = 64L * 1024 * 1024;

    /// <summary>Size of one multipart part (default 16 MiB, at least 5 MiB; grown for files over 10,000 parts).</summary>
    public long PartSize { get; init; } = 16L * 1024 * 1024;

    /// <summary>Parts of one large object uploaded at once; memory used by one upload is about this times <see cref="PartSize"/>.</summary>
    public int MaxParallelUploads { get; init; } = 4;

    /// <summary>Ranges of one large object downloaded at once (default 8; each needs only a 1 MiB buffer).</summary>
    public int MaxParallelDownloads { get; init; } = 8;

    /// <summary>Objects transferred at once when committing or checking out a folder (default 16; each is one request).</summary>
    public int MaxParallelTransfers { get; init; } = 16;

    /// <summary>Attempts per request on throttling, 5xx, timeouts and connection resets (default 8).</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>First back-off delay; doubled on each retry, with jitter (default 200 ms).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest back-off delay (default 10 s).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Time allowed for one HTTP request until the server answers (default 30 s; else <c>MLOPS_S3_REQUEST_TIMEOUT</c>);
    /// a request that gets no answer counts as timed out and is retried. A silent server therefore fails after about
    /// <see cref="MaxAttempts"/> × this plus the back-off delays.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed to open a TCP connection (default 10 s; else <c>MLOPS_S3_CONNECT_TIMEOUT</c>).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Receives one line whenever a request failed and is about to be retried, so a slow server is never silent.</summary>
    public Action<string>? OnRetry { get; init; }
}
