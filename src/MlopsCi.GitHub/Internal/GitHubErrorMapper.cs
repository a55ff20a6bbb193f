using System.Globalization;
using MlopsCi.Core.PullRequests;
using Octokit;

namespace MlopsCi.GitHub.Internal;

// Turns Octokit and transport exceptions into messages that say what failed, why, and what to do — without the token.
internal sealed class GitHubErrorMapper(GitHubHostOptions options)
{
    public Exception? Map(Exception exception, GitHubOperation operation)
    {
        var where = $"{operation.Description} in {options.Repository} at {options.ApiUrl}";
        return exception switch
        {
            AuthorizationException ex => Host(
                $"GitHub rejected the token (401 {ApiMessage(ex)}) while {where}: the token is invalid or expired. " +
                "Pass a valid token (the github-token input or GITHUB_TOKEN).", 401, ex),
            RateLimitExceededException ex => Host(
                $"GitHub's rate limit is used up (403 {ApiMessage(ex)}) while {where}; {ResetHint(ex.Reset)}", 403, ex),
            SecondaryRateLimitExceededException ex => Host(
                $"GitHub's secondary rate limit stopped {where} (403 {ApiMessage(ex)}). Re-run the job in a few minutes.", 403, ex),
            ForbiddenException ex => new PullRequestPermissionException(
                Redact($"GitHub refused {where} (403 {ApiMessage(ex)}): the token lacks the '{operation.RequiredPermission}' " +
                    $"permission. Grant it in the workflow (permissions: {operation.RequiredPermission}). Pull requests " +
                    "from forks always get a read-only token; there, write the report to the step summary instead."),
                operation.RequiredPermission,
                ex),
            NotFoundException ex => Host(
                $"GitHub found nothing (404 {ApiMessage(ex)}) while {where}: the repository or pull request does not " +
                "exist, or the token cannot see it. Check GITHUB_REPOSITORY, the pull request number and the token's access.",
                404, ex),
            ApiValidationException ex => Host(
                $"GitHub refused {where}: validation failed (422 {ApiMessage(ex)}{Details(ex)}).", 422, ex),
            ApiException ex => Host(
                $"GitHub answered {(int)ex.StatusCode} {ex.StatusCode} ({ApiMessage(ex)}) while {where}. " +
                "Re-run the job; if it persists, check GitHub's status page.", (int)ex.StatusCode, ex),
            TimeoutException or TaskCanceledException => Host(
                $"GitHub did not answer within {options.Timeout.TotalSeconds:0.#} s while {where}: the call timed out. " +
                "Check GITHUB_API_URL and GitHub's status page, then re-run; MLOPS_GITHUB_TIMEOUT (seconds) sets the limit.",
                null, exception),
            HttpRequestException => Host(
                $"Could not reach GitHub while {where}: {exception.Message}. Check GITHUB_API_URL and the network.",
                null, exception),
            _ => null,
        };
    }

    private PullRequestHostException Host(string message, int? statusCode, Exception inner) =>
        new(Redact(message), statusCode, inner);

    // The API never echoes the token, but messages pass through here anyway so none can leak it.
    private string Redact(string message) =>
        message.Replace(options.Token, "***", StringComparison.Ordinal);

    private static string ResetHint(DateTimeOffset reset) =>
        reset > DateTimeOffset.UnixEpoch
            ? $"it resets at {reset.ToString("u", CultureInfo.InvariantCulture)}. Re-run the job after that."
            : "re-run the job later.";

    private static string ApiMessage(ApiException ex)
    {
        var message = ex.ApiError?.Message ?? ex.Message;
        return string.IsNullOrWhiteSpace(message) ? ex.StatusCode.ToString() : message;
    }

    private static string Details(ApiValidationException ex)
    {
        var errors = ex.ApiError?.Errors;
        if (errors is null || errors.Count == 0)
        {
            return string.Empty;
        }

        var parts = errors.Select(e => e.Message ?? string.Join(' ', new[] { e.Resource, e.Field, e.Code }.Where(s => s is not null)));
        return ": " + string.Join("; ", parts);
    }
}
