using Amazon.S3;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.S3.Internal;

namespace MlopsCi.S3;

/// <summary>
/// The <see cref="IObjectStore"/> adapter for S3-compatible object stores (AWS S3, Ceph RGW, MinIO …) at
/// <c>s3://bucket/prefix</c>. Open it with <see cref="OpenAsync(string, S3StoreOptions, Func{string, string?}, CancellationToken)"/>:
/// opening checks the bucket and proves the server enforces conditional writes, which compare-and-swap relies on.
/// </summary>
public sealed class S3ObjectStore : IObjectStore
{
    private readonly S3StoreUri _uri;
    private readonly BucketRequests _bucket;
    private readonly S3ConditionalWriter _writer;
    private readonly S3FileUploader _uploader;
    private readonly S3Downloader _downloader;
    private readonly S3StoreOptions _options;
    private ConditionalWriteSupport _support = ConditionalWriteSupport.Unknown;

    private S3ObjectStore(S3StoreUri uri, S3Connection connection, S3StoreOptions options)
    {
        _uri = uri;
        _options = options;
        _bucket = new BucketRequests(uri, connection, new S3Retry(options, connection));
        _writer = new S3ConditionalWriter(_bucket);
        _uploader = new S3FileUploader(_bucket, options);
        _downloader = new S3Downloader(_bucket, options);
    }

    /// <inheritdoc />
    public string Location => _uri.ToString();

    /// <inheritdoc />
    public int TransferParallelism => _options.MaxParallelTransfers;

    /// <inheritdoc />
    public long ParallelDownloadThreshold => _options.MultipartThreshold;
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
            await store._bucket.EnsureExistsAsync(options.CreateBucket, cancellationToken);
            store._support = await ConditionalWriteProbe.GetAsync(store._bucket, store._writer, cancellationToken);
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
        _bucket.Client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>What the conditional-write probe found (for tests and diagnostics).</summary>
    internal ConditionalWriteSupport ConditionalWrites => _support;

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

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        await _bucket.HeadAsync(FullKey(key), "existence check", cancellationToken) is not null;

    /// <inheritdoc />
    public async Task<byte[]?> TryReadAllAsync(string key, CancellationToken cancellationToken) =>
        (await _bucket.ReadSmallAsync(FullKey(key), "read", cancellationToken))?.Content;

    /// <inheritdoc />
    public Task<Stream?> TryOpenReadAsync(string key, CancellationToken cancellationToken) => _bucket.TryOpenReadAsync(FullKey(key), cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryDownloadFileAsync(string key, string localPath, CancellationToken cancellationToken) =>
        _downloader.TryDownloadAsync(FullKey(key), localPath, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.StartsWith('/'))
            throw new InvalidInputException($"The list prefix '{prefix}' is not valid in {Location}: prefixes are relative.");
        return _bucket.ListAsync(prefix, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        _writer.PutAsync(FullKey(key), content, expectedTag: null, _support.QuoteIfMatch, verifyConflicts: false, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Files up to <see cref="S3StoreOptions.MultipartThreshold"/> go in one PUT with <c>If-None-Match: *</c>; larger ones in
    /// parallel parts after an existence check (CompleteMultipartUpload ignores conditions; a concurrent upload of the
    /// same content-addressed key stores the same bytes). The SHA-256 is computed over the bytes actually sent.
    /// </remarks>
    public Task<bool> PutFileIfAbsentAsync(string key, string localPath, string? expectedSha256, CancellationToken cancellationToken) =>
        _uploader.PutIfAbsentAsync(FullKey(key), localPath, expectedSha256, cancellationToken);

    /// <inheritdoc />
    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => _bucket.PutAsync(FullKey(key), content, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryRefreshAsync(string key, CancellationToken cancellationToken) => _bucket.TryRefreshAsync(FullKey(key), cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken) => _bucket.DeleteAsync(FullKey(key), cancellationToken);

    /// <inheritdoc />
    public async Task<VersionedObject?> TryReadVersionedAsync(string key, CancellationToken cancellationToken) =>
        await _writer.ReadAsync(FullKey(key), cancellationToken) is { } read ? new VersionedObject(read.Content, read.Tag) : null;

    /// <inheritdoc />
    /// <remarks>
    /// Throws <see cref="StorageException"/> when a request failed in a way that may have applied it (timeout, reset,
    /// 5xx) and later writers changed the object so much that whether this write landed cannot be told.
    /// </remarks>
    public Task<bool> TryWriteVersionedAsync(string key, ReadOnlyMemory<byte> content, string? expectedTag, CancellationToken cancellationToken) =>
        _writer.PutAsync(FullKey(key), content, expectedTag is null ? null : BucketRequests.Unquote(expectedTag), _support.QuoteIfMatch, verifyConflicts: true, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryDeleteVersionedAsync(string key, string expectedTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedTag);
        return _writer.TryDeleteAsync(FullKey(key), BucketRequests.Unquote(expectedTag), _support, cancellationToken);
    }
}
