using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace MlopsCi.S3.Internal;

/// <summary>Classifies SDK and network failures.</summary>
internal static class S3Failure
{
    public static HttpStatusCode? Status(Exception exception) =>
        exception is AmazonServiceException { StatusCode: var code } && code != 0 ? code : null;

    public static bool IsNotFound(Exception exception) =>
        Status(exception) == HttpStatusCode.NotFound
        || exception is AmazonS3Exception { ErrorCode: "NoSuchKey" or "NotFound" };

    public static bool IsPreconditionFailed(Exception exception) => Status(exception) == HttpStatusCode.PreconditionFailed;

    /// <summary>409: AWS answers ConditionalRequestConflict when conditional writes to one key race.</summary>
    public static bool IsConflict(Exception exception) => Status(exception) == HttpStatusCode.Conflict;

    /// <summary>Worth another attempt: throttling, server errors, timeouts, broken connections.</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return false;
        if (exception is AmazonServiceException service && service.StatusCode != 0)
        {
            var code = (int)service.StatusCode;
            return code >= 500 || code == 429 || code == 408
                || service.ErrorCode is "SlowDown" or "RequestTimeout" or "Throttling" or "ThrottlingException" or "RequestTimeTooSkewed"
                    or "InternalError" or "ServiceUnavailable" or "IncompleteBody";
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException or WebException)
                return true;
        }

        // The SDK reports a dropped connection or an unparsable truncated response as a bare client exception;
        // missing or unusable credentials are client exceptions too, and retrying them only delays the message.
        return exception is AmazonClientException or AmazonServiceException
            && !exception.Message.Contains("credential", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A request that got no answer in time (the SDK's timeout), as opposed to a refusal or the caller cancelling.</summary>
    public static bool IsTimeout(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or OperationCanceledException || e is SocketException { SocketErrorCode: SocketError.TimedOut })
                return true;
        }

        return false;
    }

    /// <summary>
    /// The request may have reached the server and been applied even though no answer arrived (5xx, timeout, reset).
    /// A definite refusal (4xx other than timeouts) is not ambiguous.
    /// </summary>
    public static bool IsAmbiguous(Exception exception)
    {
        var status = Status(exception);
        return status is null || (int)status >= 500 || status == HttpStatusCode.RequestTimeout;
    }

    /// <summary>A short description for messages: HTTP status and S3 error code, or the network error.</summary>
    public static string Describe(Exception exception, SecretRedactor redactor)
    {
        var text = exception switch
        {
            AmazonServiceException { StatusCode: not 0 } s =>
                $"HTTP {(int)s.StatusCode} {s.ErrorCode}{(string.IsNullOrWhiteSpace(s.Message) ? "" : ": " + s.Message)}",
            _ => $"{Innermost(exception).GetType().Name}: {Innermost(exception).Message}",
        };
        return redactor.Redact(text.Trim());
    }

    /// <summary>What the user can do about a failure that is not transient.</summary>
    public static string Advice(Exception exception) => Status(exception) switch
    {
        HttpStatusCode.Forbidden => "Check the credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the profile) and that they may access this bucket.",
        HttpStatusCode.NotFound => "Check the bucket name and the endpoint.",
        HttpStatusCode.BadRequest => "Check the endpoint, region and path-style settings.",
        null => "Check that the endpoint is reachable.",
        _ => "Retry later; if it persists, check the server's health.",
    };

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null && e is AmazonClientException or HttpRequestException)
            e = e.InnerException;
        return e;
    }
}
