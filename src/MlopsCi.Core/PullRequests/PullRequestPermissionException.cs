namespace MlopsCi.Core.PullRequests;

/// <summary>
/// The token may not do the operation (HTTP 403), typically on a pull request from a fork, whose token is read-only.
/// Callers can catch it and fall back to the step summary.
/// </summary>
public sealed class PullRequestPermissionException : PullRequestHostException
{
    public PullRequestPermissionException(string message, string requiredPermission, Exception? innerException = null)
        : base(message, 403, innerException) => RequiredPermission = requiredPermission;

    /// <summary>The workflow permission the operation needs, e.g. <c>pull-requests: write</c>.</summary>
    public string RequiredPermission { get; }
}
