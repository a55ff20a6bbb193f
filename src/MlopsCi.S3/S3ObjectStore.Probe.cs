using Amazon.S3.Model;
using MlopsCi.S3.Internal;

namespace MlopsCi.S3;

public sealed partial class S3ObjectStore
{
    internal async Task<string?> TryReadProbeTagAsync(string fullKey, CancellationToken cancellationToken) =>
        (await HeadAsync(fullKey, "conditional-write probe", cancellationToken))?.Tag;

    /// <summary>DELETE with a wrong If-Match: 412 means conditional deletes are honoured; success means ignored.</summary>
    internal async Task<bool> ProbeConditionalDeleteAsync(string fullKey, CancellationToken cancellationToken) =>
        await _retry.RunAsync("conditional-write probe", Target(fullKey), async ct =>
        {
            try
            {
                await Client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = fullKey, IfMatch = "00000000000000000000000000000000" }, ct);
                return false;
            }
            catch (Exception e) when (S3Failure.IsPreconditionFailed(e))
            {
                return true;
            }
        }, cancellationToken);

    internal async Task DeleteProbeQuietlyAsync(string fullKey)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await DeleteFullKeyAsync(fullKey, timeout.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A leftover probe object under _mlops/probe/ is harmless.
        }
    }
}
