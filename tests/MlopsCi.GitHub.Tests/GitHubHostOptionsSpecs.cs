using MlopsCi.Core.Errors;
using static MlopsCi.GitHub.Tests.FakeGitHubFixture;

namespace MlopsCi.GitHub.Tests;

public sealed class GitHubHostOptionsSpecs
{
    [Fact]
    public void Without_GITHUB_API_URL_the_public_api_is_used()
    {
        var env = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = Repository, ["GITHUB_TOKEN"] = Token };

        var options = GitHubHostOptions.FromEnvironment(env.GetValueOrDefault);

        Assert.Equal(new Uri("https://api.github.com/"), options.ApiUrl);
        Assert.Equal("octo-org", options.Owner);
        Assert.Equal("churn-model", options.Name);
        Assert.Equal(Token, options.Token);
    }

    [Fact]
    public void An_enterprise_api_url_gets_a_trailing_slash_so_its_path_is_kept()
    {
        var options = new GitHubHostOptions(new Uri("https://ghe.example/api/v3"), Repository, Token);

        Assert.Equal(new Uri("https://ghe.example/api/v3/"), options.ApiUrl);
        Assert.Equal(new Uri("https://ghe.example/api/v3/repos/x"), new Uri(options.ApiUrl, "repos/x"));
    }

    [Fact]
    public void An_explicit_token_wins_over_the_environment()
    {
        var env = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = Repository, ["GITHUB_TOKEN"] = "env-token" };

        Assert.Equal("input-token", GitHubHostOptions.FromEnvironment(env.GetValueOrDefault, "input-token").Token);
    }

    [Fact]
    public void GH_TOKEN_is_used_when_GITHUB_TOKEN_is_not_set()
    {
        var env = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = Repository, ["GH_TOKEN"] = "gh-token" };

        Assert.Equal("gh-token", GitHubHostOptions.FromEnvironment(env.GetValueOrDefault).Token);
    }

    [Fact]
    public void A_missing_token_is_refused_with_how_to_pass_one()
    {
        var env = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = Repository };

        var ex = Assert.Throws<InvalidInputException>(() => GitHubHostOptions.FromEnvironment(env.GetValueOrDefault));

        Assert.Contains("GITHUB_TOKEN", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("just-a-name")]
    [InlineData("a/b/c")]
    public void A_missing_or_malformed_repository_is_refused(string? repository)
    {
        var env = new Dictionary<string, string?> { ["GITHUB_REPOSITORY"] = repository, ["GITHUB_TOKEN"] = Token };

        var ex = Assert.Throws<InvalidInputException>(() => GitHubHostOptions.FromEnvironment(env.GetValueOrDefault));

        Assert.Contains("GITHUB_REPOSITORY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_api_url_is_refused()
    {
        var env = new Dictionary<string, string> { ["GITHUB_API_URL"] = "api/v3", ["GITHUB_REPOSITORY"] = Repository, ["GITHUB_TOKEN"] = Token };

        var ex = Assert.Throws<InvalidInputException>(() => GitHubHostOptions.FromEnvironment(env.GetValueOrDefault));

        Assert.Contains("GITHUB_API_URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_the_options_hides_the_token()
    {
        var options = new GitHubHostOptions(new Uri("https://ghe.example/api/v3"), Repository, Token);

        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("octo-org/churn-model", options.ToString(), StringComparison.Ordinal);
    }
}
