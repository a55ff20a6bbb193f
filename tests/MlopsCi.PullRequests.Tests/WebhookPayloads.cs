using System.Text.Json;

namespace MlopsCi.PullRequests.Tests;

/// <summary>Event payloads shaped like GitHub's webhook schema (pull_request and pull_request_review), as the runner writes them to GITHUB_EVENT_PATH.</summary>
internal static class WebhookPayloads
{
    public const string Repository = "octo-org/churn-model";
    public const string ForkRepository = "outside-contributor/churn-model";
    public const string BaseSha = "9c48853fa3dc5c1c3d6f1f1cd1f2743e72652840";

    public static string PullRequest(string action, int number, string headSha, bool merged = false, string? headRepository = null, string baseRef = "main") =>
        Serialize(new Dictionary<string, object?>
        {
            ["action"] = action,
            ["number"] = number,
            ["pull_request"] = PullRequestObject(number, headSha, action == "closed" ? "closed" : "open", merged, headRepository, baseRef),
            ["repository"] = RepositoryObject(Repository),
            ["sender"] = User("monalisa"),
        });

    public static string Review(string action, string state, int number, string reviewCommit, string headSha, string user = "hubot") =>
        Serialize(new Dictionary<string, object?>
        {
            ["action"] = action,
            ["review"] = new Dictionary<string, object?>
            {
                ["id"] = 80 + Math.Abs(reviewCommit.GetHashCode(StringComparison.Ordinal) % 1000),
                ["user"] = User(user),
                ["body"] = "Looks good",
                ["commit_id"] = reviewCommit,
                ["submitted_at"] = "2024-05-01T12:00:00Z",
                ["state"] = state,
                ["html_url"] = $"https://github.com/{Repository}/pull/{number}#pullrequestreview-80",
                ["author_association"] = "MEMBER",
            },
            ["pull_request"] = PullRequestObject(number, headSha, "open", false, null, "main"),
            ["repository"] = RepositoryObject(Repository),
            ["sender"] = User(user),
        });

    private static Dictionary<string, object?> PullRequestObject(int number, string headSha, string state, bool merged, string? headRepository, string baseRef) => new()
    {
        ["url"] = $"https://api.github.com/repos/{Repository}/pulls/{number}",
        ["id"] = 1000 + number,
        ["html_url"] = $"https://github.com/{Repository}/pull/{number}",
        ["number"] = number,
        ["state"] = state,
        ["locked"] = false,
        ["title"] = "Add the newer customer period",
        ["user"] = User("monalisa"),
        ["draft"] = false,
        ["merged"] = merged,
        ["merged_at"] = merged ? "2024-05-02T09:00:00Z" : null,
        ["head"] = new Dictionary<string, object?>
        {
            ["label"] = $"{(headRepository ?? Repository).Split('/')[0]}:data/newer",
            ["ref"] = "data/newer",
            ["sha"] = headSha,
            ["repo"] = RepositoryObject(headRepository ?? Repository),
        },
        ["base"] = new Dictionary<string, object?>
        {
            ["label"] = "octo-org:" + baseRef,
            ["ref"] = baseRef,
            ["sha"] = BaseSha,
            ["repo"] = RepositoryObject(Repository),
        },
    };

    private static Dictionary<string, object?> RepositoryObject(string fullName) => new()
    {
        ["id"] = fullName.Length,
        ["name"] = fullName.Split('/')[1],
        ["full_name"] = fullName,
        ["private"] = false,
        ["owner"] = User(fullName.Split('/')[0]),
        ["fork"] = fullName != Repository,
    };

    private static Dictionary<string, object?> User(string login) => new() { ["login"] = login, ["type"] = "User", ["site_admin"] = false };

    private static string Serialize(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true });
}
