using MlopsCi.Testing.FakeGitHub;

namespace MlopsCi.GitHub.Tests;

internal static class FakeGitHubFixture
{
    public const string Repository = "octo-org/churn-model";
    public const string Token = "ghs_SECRETtoken0123456789abcdef";
    public const string HeadSha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    public const string Marker = "<!-- mlops-ci:report -->";

    public static OctokitPullRequestHost Host(FakeGitHubServer server, int pageSize = 100) =>
        OctokitPullRequestHost.Create(new GitHubHostOptions(server.ApiUrl, Repository, Token), pageSize);

    public static async Task<FakeGitHubServer> StartWithPullRequestAsync(int number = 42, string pathBase = "")
    {
        var server = await FakeGitHubServer.StartAsync(pathBase, requiredToken: Token);
        server.AddPullRequest(Repository, new FakePullRequest(number, HeadSha) { Title = "Add March customer data", HeadRef = "data/march" });
        return server;
    }
}
