using Amazon.S3;
using Amazon.S3.Model;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.S3.Internal;

namespace MlopsCi.S3;

/// <summary>
/// The <see cref="IObjectStore"/> adapter for S3-compatible object stores (AWS S3, Ceph RGW, MinIO …) at
/// <c>s3://bucket/prefix</c>. Open it with <see cref="OpenAsync(string, S3StoreOptions, Func{string, string?}, CancellationToken)"/>:
/// opening checks the bucket and proves the server enforces conditional writes, which compare-and-swap relies on.
/// </summary>
public sealed partial class S3ObjectStore : IObjectStore
{
    private readonly S3StoreUri _uri;
    private readonly S3Connection _connection;
    private readonly S3StoreOptions _options;
    private readonly S3Retry _retry;
    private ConditionalWriteSupport _support = ConditionalWriteSupport.Unknown;

    private S3ObjectStore(S3StoreUri uri, S3Connection connection, S3StoreOptions options)
    {
        _uri = uri;
        _connection = connection;
        _options = options;
        _retry = new S3Retry(options, connection);
    }

    /// <inheritdoc />
    public string Location => _uri.ToString();

    private IAmazonS3 Client => _connection.Client;

    private string Bucket => _uri.Bucket;

    /// <summary>Whether <paramref name="value"/> is an <c>s3://</c> store URI (so an entry point can choose this adapter).</summary>
    public static bool IsS3Uri(string value) => S3StoreUri.IsS3Uri(value);

    /// <summary>Opens the store at <paramref name="storeUri"/> (<c>s3://bucket/prefix</c>); see the string overload.</summary>
    public static Task<S3ObjectStore> OpenAsync(Uri storeUri, S3StoreOptions options, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storeUri);
        return OpenAsync(storeUri.OriginalString, options, environment, cancellationToken);
    }

    /// <summary>
    /// Opens the store at <paramref name="storeUri"/> (<c>s3://bucket</c> or <c>s3://bucket/prefix</c>). Endpoint, region and
    /// credentials come from <paramref name="options"/>, then <paramref name="environment"/> (MLOPS_S3_ENDPOINT, AWS_ENDPOINT_URL,
    /// AWS_REGION, AWS_ACCESS_KEY_ID, AWS_PROFILE …), then the standard AWS chain. Checks the bucket (creating it when
    /// <see cref="S3StoreOptions.CreateBucket"/>) and probes, once per process and server, that conditional writes are enforced.
    /// </summary>
    /// <exception cref="InvalidInputException">The URI or an option is invalid, or the bucket does not exist.</exception>
    /// <exception cref="OperationFailedException">The server ignores conditional writes.</exception>
    /// <exception cref="StorageException">The server could not be reached or refused the requests.</exception>
    public static async Task<S3ObjectStore> OpenAsync(string storeUri, S3StoreOptions options, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var uri = S3StoreUri.Parse(storeUri);
        options = S3EnvironmentLimits.Apply(options, environment);
        ValidateOptions(options);
        var connection = S3ClientFactory.Create(options, environment);
        var store = new S3ObjectStore(uri, connection, options);
        try
        {
            await store.EnsureBucketAsync(options.CreateBucket, cancellationToken);
            store._support = await ConditionalWriteProbe.GetAsync(store, cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _connection.Client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Identifies the server and bucket for the per-process probe cache.</summary>
    internal string ServerIdentity => $"{_connection.Describe()}|{Bucket}";

    internal S3StoreUri Uri => _uri;

    /// <summary>What the conditional-write probe found (for tests and diagnostics).</summary>
    internal ConditionalWriteSupport ConditionalWrites => _support;

    /// <summary>The endpoint (or AWS and region) for messages.</summary>
    internal string ServerDescription => _connection.Describe();

    private string Target(string fullKey) => $"s3://{Bucket}/{fullKey}";

    private string FullKey(string key)
    {
        if (string.IsNullOrEmpty(key) || key[0] == '/' || key.Contains('\\', StringComparison.Ordinal) || key.Contains("//", StringComparison.Ordinal))
            throw new InvalidInputException($"The object key '{key}' is not valid in {Location}: keys are non-empty, '/'-separated and relative.");
        return _uri.FullKey(key);
    }

    private static void ValidateOptions(S3StoreOptions options)
    {
        const long MiB = 1024 * 1024;
        if (options.PartSize < 5 * MiB || options.PartSize > 5L * 1024 * MiB)
            throw new InvalidInputException($"The S3 part size {options.PartSize} bytes is out of range: S3 parts are 5 MiB to 5 GiB.");
        if (options.MultipartThreshold < 1)
            throw new InvalidInputException("The S3 multipart threshold must be positive.");
        if (options.MaxParallelUploads is < 1 or > 64)
            throw new InvalidInputException($"The S3 parallel upload count {options.MaxParallelUploads} is out of range 1-64.");
        if (options.MaxParallelDownloads is < 1 or > 64)
            throw new InvalidInputException($"The S3 parallel download count {options.MaxParallelDownloads} is out of range 1-64.");
        if (options.MaxParallelTransfers is < 1 or > 256)
            throw new InvalidInputException($"The S3 parallel transfer count {options.MaxParallelTransfers} is out of range 1-256.");
        if (options.RequestTimeout <= TimeSpan.Zero || options.ConnectTimeout <= TimeSpan.Zero || options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < TimeSpan.Zero)
            throw new InvalidInputException("The S3 timeouts and retry delays must be positive.");
    }

    private async Task EnsureBucketAsync(bool create, CancellationToken cancellationToken)
    {
        var target = $"s3://{Bucket}";
        var exists = await _retry.RunAsync("bucket check", target, async ct =>
        {
            try
            {
                await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1, Prefix = _uri.FullListPrefix("") }, ct);
                return true;
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket" || S3Failure.IsNotFound(e))
            {
                return false;
            }
        }, cancellationToken);
        if (exists)
            return;
        if (!create)
            throw new InvalidInputException($"The bucket '{Bucket}' does not exist at {_connection.Describe()}. Create it, or open the store with bucket creation on (--create-bucket).");
        await _retry.RunAsync("bucket creation", target, async ct =>
        {
            try
            {
                await Client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, ct);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
            {
                // Created concurrently, or by an earlier attempt whose answer was lost.
            }
        }, cancellationToken);
    }
}
