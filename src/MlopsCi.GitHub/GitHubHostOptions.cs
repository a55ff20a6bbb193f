using MlopsCi.Core.Errors;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.GitHub;

/// <summary>Where the GitHub API is, which repository, and the token. <see cref="ToString"/> never shows the token.</summary>
public sealed record GitHubHostOptions
{
    /// <summary>The public GitHub API, used when <c>GITHUB_API_URL</c> is not set.</summary>
    public static readonly Uri PublicApiUrl = new("https://api.github.com/");

    /// <summary>Creates options; <paramref name="apiUrl"/> may carry a path, e.g. <c>https://ghe.example/api/v3</c>.</summary>
    /// <exception cref="InvalidInputException">When the repository is not <c>owner/name</c> or the token is empty.</exception>
    public GitHubHostOptions(Uri apiUrl, string repository, string token)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        if (!apiUrl.IsAbsoluteUri)
        {
            throw new InvalidInputException($"The GitHub API URL '{apiUrl}' must be absolute, e.g. https://ghe.example/api/v3.");
        }

        var parts = (repository ?? string.Empty).Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new InvalidInputException(
                $"The repository '{repository}' must be 'owner/name' (GITHUB_REPOSITORY), e.g. octo-org/models.");
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidInputException(
                "No GitHub token: pass the github-token input or set GITHUB_TOKEN (in a workflow: ${{ secrets.GITHUB_TOKEN }}).");
        }

        // Relative API paths resolve under the base only when it ends with '/' (…/api/v3/ keeps /api/v3).
        ApiUrl = apiUrl.AbsoluteUri.EndsWith('/') ? apiUrl : new Uri(apiUrl.AbsoluteUri + "/");
        Owner = parts[0];
        Name = parts[1];
        Token = token;
    }

    /// <summary>The API base address, always ending with '/'.</summary>
    public Uri ApiUrl { get; }

    /// <summary>The repository owner.</summary>
    public string Owner { get; }

    /// <summary>The repository name.</summary>
    public string Name { get; }

    /// <summary>The repository as <c>owner/name</c>.</summary>
    public string Repository => $"{Owner}/{Name}";

    /// <summary>The token; never printed.</summary>
    public string Token { get; }

    /// <summary>
    /// How long one API call may go unanswered before it fails as timed out (default 30 s; <c>MLOPS_GITHUB_TIMEOUT</c>
    /// in seconds). Bounds every call, however the server behaves.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads <c>GITHUB_API_URL</c> (default https://api.github.com), <c>GITHUB_REPOSITORY</c> and the token
    /// (<paramref name="token"/>, else <c>GITHUB_TOKEN</c>, else <c>GH_TOKEN</c>).
    /// </summary>
    /// <exception cref="InvalidInputException">When a value is missing or malformed.</exception>
    public static GitHubHostOptions FromEnvironment(Func<string, string?> environment, string? token = null) =>
        FromEnvironment(new ActionsEnvironment(environment), token);

    /// <summary>
    /// The API address (default https://api.github.com), repository and token (<paramref name="token"/>, else the
    /// environment's) of <paramref name="actions"/>, and the time limit <c>MLOPS_GITHUB_TIMEOUT</c>.
    /// </summary>
    /// <exception cref="InvalidInputException">When a value is missing or malformed.</exception>
    public static GitHubHostOptions FromEnvironment(ActionsEnvironment actions, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var apiUrl = NonEmpty(actions.ApiUrl);
        if (apiUrl is not null && !Uri.TryCreate(apiUrl, UriKind.Absolute, out _))
        {
            throw new InvalidInputException($"GITHUB_API_URL '{apiUrl}' is not an absolute URL, e.g. https://ghe.example/api/v3.");
        }

        var repository = NonEmpty(actions.Repository)
            ?? throw new InvalidInputException("GITHUB_REPOSITORY is not set; set it to 'owner/name' of the repository.");
        var resolvedToken = NonEmpty(token) ?? NonEmpty(actions.Token);
        var options = new GitHubHostOptions(
            apiUrl is null ? PublicApiUrl : new Uri(apiUrl),
            repository,
            resolvedToken ?? string.Empty);
        if (NonEmpty(actions.Variable("MLOPS_GITHUB_TIMEOUT")) is not { } timeout)
        {
            return options;
        }

        return double.TryParse(timeout.TrimEnd('s'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? options with { Timeout = TimeSpan.FromSeconds(seconds) }
            : throw new InvalidInputException($"MLOPS_GITHUB_TIMEOUT is '{timeout}', not a positive number of seconds (e.g. 30 or 30s).");
    }

    /// <inheritdoc />
    public override string ToString() => $"GitHub {Repository} at {ApiUrl} (token hidden)";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
