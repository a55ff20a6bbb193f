using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.PullRequests;
using Octokit.Webhooks.Models;
using WebhookReview = Octokit.Webhooks.Models.PullRequestReviewEvent.Review;

namespace MlopsCi.GitHub.Events;

// Maps a webhook payload, read into Octokit.Webhooks' types, to the lifecycle's PullRequestEvent. GitHub omits some
// fields (a deleted fork's repository, a review's pull request has no 'merged'), so every part may be missing.
internal static class WebhookPayloadReader
{
    public static PullRequestEvent Read(string eventName, JsonElement root, string source)
    {
        try
        {
            return eventName switch
            {
                "pull_request" or "pull_request_target" => FromPullRequest(eventName, root.Deserialize<PullRequestPayload>(WebhookJson.Options)!),
                "pull_request_review" => FromReview(eventName, root.Deserialize<PullRequestReviewPayload>(WebhookJson.Options)!),
                _ => FromOther(eventName, root.Deserialize<OtherEventPayload>(WebhookJson.Options)!),
            };
        }
        catch (JsonException ex)
        {
            // The serializer's line numbers count within the re-read element, not the file: name the field by its path only.
            var what = ex.Message.Split(" Path: ", 2)[0];
            throw new InvalidInputException(
                $"{source} of event '{eventName}' does not have the shape of GitHub's '{eventName}' webhook payload at {ex.Path ?? "$"} ({what}); " +
                "pass the webhook payload file GitHub Actions wrote to GITHUB_EVENT_PATH.", ex);
        }
    }

    private static PullRequestEvent FromPullRequest(string eventName, PullRequestPayload payload) =>
        payload.PullRequest is { } pr
            ? With(eventName, payload.Action, payload.Repository, Number(pr.Number) ?? Number(payload.Number), pr.Head?.Sha, pr.Head?.Ref, pr.Head?.Repo,
                pr.Base?.Ref, pr.Base?.Repo, pr.State?.StringValue, pr.Merged ?? false, null)
            : Without(eventName, payload.Action, payload.Repository);

    private static PullRequestEvent FromReview(string eventName, PullRequestReviewPayload payload) =>
        payload.PullRequest is { } pr
            ? With(eventName, payload.Action, payload.Repository, Number(pr.Number), pr.Head?.Sha, pr.Head?.Ref, pr.Head?.Repo,
                pr.Base?.Ref, pr.Base?.Repo, pr.State?.StringValue, false, payload.Review is { } review ? Review(review) : null)
            : Without(eventName, payload.Action, payload.Repository);

    private static PullRequestEvent FromOther(string eventName, OtherEventPayload payload) =>
        payload.PullRequest is { } pr
            ? With(eventName, payload.Action, payload.Repository, Number(pr.Number) ?? Number(payload.Number), pr.Head?.Sha, pr.Head?.Ref, pr.Head?.Repo,
                pr.Base?.Ref, pr.Base?.Repo, pr.State?.StringValue, pr.Merged ?? false, null)
            : Without(eventName, payload.Action, payload.Repository);

    private static PullRequestEvent Without(string eventName, string? action, Repository? repository) =>
        new(eventName, action, repository?.FullName, null, null, null, null, null, false, false, null);

    private static PullRequestEvent With(
        string eventName, string? action, Repository? repository, int? number, string? headSha, string? headRef, Repository? headRepository,
        string? baseRef, Repository? baseRepository, string? state, bool merged, PullRequestReview? review)
    {
        var headRepo = headRepository?.FullName;
        var baseRepo = baseRepository?.FullName ?? repository?.FullName;
        var isFork = headRepo is null || !string.Equals(headRepo, baseRepo, StringComparison.OrdinalIgnoreCase);
        return new PullRequestEvent(eventName, action, repository?.FullName ?? baseRepo, number, headSha, headRef, baseRef, state, merged, isFork, review);
    }

    private static PullRequestReview Review(WebhookReview review) =>
        new(review.Id, review.User?.Login ?? string.Empty, review.State?.StringValue ?? string.Empty, review.CommitId, review.SubmittedAt);

    // A missing number reads as 0; pull request numbers start at 1.
    private static int? Number(long? number) => number is > 0 and <= int.MaxValue ? (int)number.Value : null;
}
