using MlopsCi.Core.Errors;

namespace MlopsCi.S3.Internal;

/// <summary>Exponential back-off with jitter around one S3 request.</summary>
internal sealed class S3Retry(S3StoreOptions options, S3Connection connection)
{
    public int MaxAttempts { get; } = Math.Max(1, options.MaxAttempts);

    /// <summary>
    /// Runs <paramref name="action"/> until it succeeds, a non-transient failure occurs (wrapped in
    /// <see cref="StorageException"/>) or the attempts run out.
    /// </summary>
    public async Task<T> RunAsync<T>(string operation, string target, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken);
            }
            catch (Exception e) when (e is not MlopsException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                if (!S3Failure.IsTransient(e, cancellationToken) || attempt >= MaxAttempts)
                    throw Fail(operation, target, e, attempt);
                await DelayAsync(attempt, cancellationToken);
            }
        }
    }

    public Task RunAsync(string operation, string target, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        RunAsync(operation, target, async ct =>
        {
            await action(ct);
            return true;
        }, cancellationToken);

    /// <summary>Waits before attempt <paramref name="attempt"/> + 1: base * 2^(attempt-1), capped, then 50-100% of it.</summary>
    public Task DelayAsync(int attempt, CancellationToken cancellationToken)
    {
        var ceiling = Math.Min(options.RetryMaxDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
        var delay = ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2;
        return Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken);
    }

    /// <summary>The error for a request that failed for good: names the operation, object and endpoint, never credentials.</summary>
    public StorageException Fail(string operation, string target, Exception exception, int attempts)
    {
        var tries = attempts > 1 ? $" after {attempts} attempts" : "";
        var advice = S3Failure.IsTransient(exception, CancellationToken.None) ? "Retry later; if it persists, check the server's health and the network." : S3Failure.Advice(exception);
        return new StorageException(
            $"S3 {operation} of {target} at {connection.Describe()} failed{tries}: {S3Failure.Describe(exception, connection.Redactor)}. {advice}",
            exception);
    }
}
