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
                await DelayAsync(attempt, e, cancellationToken);
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
    public Task DelayAsync(int attempt, CancellationToken cancellationToken) => DelayAsync(attempt, null, cancellationToken);

    /// <summary>As <see cref="DelayAsync(int, CancellationToken)"/>, first telling <see cref="S3StoreOptions.OnRetry"/> why and for how long.</summary>
    public Task DelayAsync(int attempt, Exception? cause, CancellationToken cancellationToken)
    {
        var ceiling = Math.Min(options.RetryMaxDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
        var delay = ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2;
        if (cause is not null && options.OnRetry is { } notify)
        {
            var why = S3Failure.IsTimeout(cause, cancellationToken) ? "not answering" : $"failing ({S3Failure.Describe(cause, connection.Redactor)})";
            notify(FormattableString.Invariant($"S3 {why} at {connection.Describe()}, retry {attempt + 1}/{MaxAttempts} in {delay / 1000:0.#} s"));
        }

        return Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken);
    }

    /// <summary>The error for a request that failed for good: names the operation, object and endpoint, never credentials.</summary>
    public StorageException Fail(string operation, string target, Exception exception, int attempts)
    {
        var tries = attempts > 1 ? $" after {attempts} attempts" : "";
        if (S3Failure.IsTimeout(exception, CancellationToken.None))
        {
            return new StorageException(
                $"S3 {operation} of {target} at {connection.Describe()} timed out{tries}: the server accepted no connection within {options.ConnectTimeout.TotalSeconds:0.#} s or sent no answer within {options.RequestTimeout.TotalSeconds:0.#} s. Check that the endpoint is the S3 server and that it is healthy; the limits are MLOPS_S3_CONNECT_TIMEOUT, MLOPS_S3_REQUEST_TIMEOUT and MLOPS_S3_MAX_ATTEMPTS.",
                exception);
        }

        var advice = S3Failure.IsTransient(exception, CancellationToken.None) ? "Retry later; if it persists, check the server's health and the network." : S3Failure.Advice(exception);
        return new StorageException(
            $"S3 {operation} of {target} at {connection.Describe()} failed{tries}: {S3Failure.Describe(exception, connection.Redactor)}. {advice}",
            exception);
    }
}
