using MlopsCi.Core.PullRequests;
using MlopsCi.GitHub.Events;

namespace MlopsCi.GitHub.Tests.PullRequests;

internal static class EventFixtures
{
    public const string HeadSha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    public const string OldSha = "9c48853fa3dc5c1c3d6f1f1cd1f2743e72652840";

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Events", file);

    public static Task<PullRequestEvent> LoadAsync(string eventName, string file) =>
        GitHubEventParser.ParseFileAsync(eventName, PathOf(file), CancellationToken.None);
}
