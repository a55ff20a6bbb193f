using Octokit;
using Octokit.Internal;

namespace MlopsCi.GitHub.Internal;

internal static class GitHubClientFactory
{
    private static readonly ProductHeaderValue Product = new("mlops-ci");

    // Not GitHubClient(header, uri): that constructor rewrites a non-github.com base to /api/v3/ and breaks other paths.
    public static GitHubClient Create(GitHubHostOptions options)
    {
        var credentials = new InMemoryCredentialStore(new Credentials(options.Token));
        var client = new GitHubClient(new Connection(Product, options.ApiUrl, credentials));
        client.SetRequestTimeout(options.Timeout);
        return client;
    }
}
