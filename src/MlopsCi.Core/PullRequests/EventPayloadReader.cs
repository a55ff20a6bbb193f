using System.Globalization;
using System.Text.Json;

namespace MlopsCi.Core.PullRequests;

// Maps webhook payloads to GitHubEvent; tolerant of missing fields, since GitHub omits some (e.g. a deleted fork repo).
internal static class EventPayloadReader
{
    public static GitHubEvent Read(string eventName, JsonElement root)
    {
        var action = String(root, "action");
        var repository = String(Child(root, "repository"), "full_name");
        var pullRequest = Child(root, "pull_request");
        if (pullRequest is not { } pr)
        {
            return new GitHubEvent(eventName, action, repository, null, null, null, null, null, false, false, null);
        }

        var head = Child(pr, "head");
        var baseRef = Child(pr, "base");
        var number = Int(pr, "number") ?? Int(root, "number");
        var headRepo = String(Child(head, "repo"), "full_name");
        var baseRepo = String(Child(baseRef, "repo"), "full_name") ?? repository;
        var isFork = headRepo is null || !string.Equals(headRepo, baseRepo, StringComparison.OrdinalIgnoreCase);
        var review = Child(root, "review") is { } r ? ReadReview(r) : null;

        return new GitHubEvent(
            eventName,
            action,
            repository ?? baseRepo,
            number,
            String(head, "sha"),
            String(head, "ref"),
            String(baseRef, "ref"),
            String(pr, "state"),
            Bool(pr, "merged") ?? false,
            isFork,
            review);
    }

    private static PullRequestReview ReadReview(JsonElement review)
    {
        var submitted = String(review, "submitted_at");
        return new PullRequestReview(
            Long(review, "id") ?? 0,
            String(Child(review, "user"), "login") ?? string.Empty,
            String(review, "state") ?? string.Empty,
            String(review, "commit_id"),
            submitted is null ? null : DateTimeOffset.Parse(submitted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    private static string? String(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? Int(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    private static long? Long(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    private static bool? Bool(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value)
            && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}
