using Amazon.S3.Model;
using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>
/// A read-only stream over an object that survives dropped connections: when the body breaks off, it re-opens the
/// object at the current offset (ranged GET, only if the ETag is unchanged) with the store's retry policy. A body
/// that ends early is an error, never a short read.
/// </summary>
internal sealed class S3ReadStream : Stream
{
    private readonly BucketRequests _bucket;
    private readonly string _fullKey;
    private readonly long _length;
    private readonly string _etag;
    private GetObjectResponse _response;
    private long _position;
    private int _failures;

    public S3ReadStream(BucketRequests bucket, string fullKey, GetObjectResponse response)
    {
        _bucket = bucket;
        _fullKey = fullKey;
        _response = response;
        _length = response.Headers.ContentLength;
        _etag = response.ETag ?? string.Empty;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0 || _position >= _length)
            return 0;
        while (true)
        {
            Exception failure;
            try
            {
                var read = await _response.ResponseStream.ReadAsync(buffer, cancellationToken);
                if (read > 0)
                {
                    _position += read;
                    return read;
                }

                failure = new IOException($"The response ended after {_position} of {_length} bytes.");
            }
            catch (Exception e) when (S3Failure.IsTransient(e, cancellationToken))
            {
                failure = e;
            }

            await ResumeAsync(failure, cancellationToken);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (count == 0 || _position >= _length)
            return 0;
        while (true)
        {
            Exception failure;
            try
            {
                var read = _response.ResponseStream.Read(buffer, offset, count);
                if (read > 0)
                {
                    _position += read;
                    return read;
                }

                failure = new IOException($"The response ended after {_position} of {_length} bytes.");
            }
            catch (Exception e) when (S3Failure.IsTransient(e, CancellationToken.None))
            {
                failure = e;
            }

            // Resuming needs the async SDK; a synchronous caller (StreamReader, ML.NET loaders) blocks on it only after a failure.
            ResumeAsync(failure, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private async Task ResumeAsync(Exception failure, CancellationToken cancellationToken)
    {
        _failures++;
        if (_failures >= _bucket.Retry.MaxAttempts)
            throw _bucket.Retry.Fail("read", _bucket.Target(_fullKey), failure, _failures);
        _response.Dispose();
        await _bucket.Retry.DelayAsync(_failures, failure, cancellationToken);
        try
        {
            _response = await _bucket.ReopenAsync(_fullKey, _position, _length, _etag, cancellationToken);
        }
        catch (StorageException e) when (e.InnerException is { } inner && S3Failure.IsPreconditionFailed(inner))
        {
            throw new StorageException($"The object {_bucket.Target(_fullKey)} changed while it was being read; read it again.", e);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _response.Dispose();
        base.Dispose(disposing);
    }
}
