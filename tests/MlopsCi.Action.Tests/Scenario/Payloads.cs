using System.Text.Json;

namespace MlopsCi.Action.Tests.Scenario;

/// <summary>pull_request and pull_request_review webhook payloads (GitHub's schema, the fields the lifecycle reads and a few more).</summary>
internal static class Payloads
{
    public static string PullRequest(string action, int number, string headSha, bool merged = false, string baseRef = "main") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["action"] = action,
        ["number"] = number,
        ["pull_request"] = PullRequestObject(number, headSha, action == "closed" ? "closed" : "open", merged, baseRef),
        ["repository"] = RepositoryObject(),
        ["sender"] = new { login = "monalisa", type = "User" },
    });

    public static string Push(string headSha) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["ref"] = "refs/heads/main",
        ["before"] = new string('0', 40),
        ["after"] = headSha,
        ["repository"] = RepositoryObject(),
        ["pusher"] = new { name = "monalisa" },
        ["sender"] = new { login = "monalisa", type = "User" },
    });

    public static string Review(string state, int number, string reviewedSha, string headSha, string user = "hubot") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["action"] = "submitted",
        ["review"] = new Dictionary<string, object?>
        {
            ["id"] = 8_000 + number,
            ["user"] = new { login = user, type = "User" },
            ["body"] = "Looks good",
            ["commit_id"] = reviewedSha,
            ["submitted_at"] = "2024-05-01T12:00:00Z",
            ["state"] = state,
            ["author_association"] = "MEMBER",
        },
        ["pull_request"] = PullRequestObject(number, headSha, "open", false, "main"),
        ["repository"] = RepositoryObject(),
        ["sender"] = new { login = user, type = "User" },
    });

    private static Dictionary<string, object?> PullRequestObject(int number, string headSha, string state, bool merged, string baseRef) => new()
    {
        ["number"] = number,
        ["html_url"] = $"https://github.com/{ActionScenario.Repository}/pull/{number}",
        ["state"] = state,
        ["title"] = "Add the newer customer period",
        ["user"] = new { login = "monalisa", type = "User" },
        ["merged"] = merged,
        ["head"] = new Dictionary<string, object?> { ["ref"] = "data/newer", ["sha"] = headSha, ["repo"] = RepositoryObject() },
        ["base"] = new Dictionary<string, object?> { ["ref"] = baseRef, ["sha"] = new string('9', 40), ["repo"] = RepositoryObject() },
    };

    private static Dictionary<string, object?> RepositoryObject() => new()
    {
        ["full_name"] = ActionScenario.Repository,
        ["name"] = ActionScenario.Repository.Split('/')[1],
        ["owner"] = new { login = ActionScenario.Repository.Split('/')[0], type = "Organization" },
        ["fork"] = false,
    };
}
