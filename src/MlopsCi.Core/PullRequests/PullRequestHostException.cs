using MlopsCi.Core.Errors;

namespace MlopsCi.Core.PullRequests;

/// <summary>
/// The code host refused or failed a pull-request operation. The message names the operation, the cause and the fix,
/// never the token.
/// </summary>
public class PullRequestHostException : OperationFailedException
{
    public PullRequestHostException(string message, int? statusCode, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>The HTTP status the host answered with, or null when it could not be reached.</summary>
    public int? StatusCode { get; }
}
