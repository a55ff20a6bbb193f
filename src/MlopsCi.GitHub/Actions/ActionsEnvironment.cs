namespace MlopsCi.GitHub.Actions;

/// <summary>The GitHub Actions default environment variables, read through an injected lookup.</summary>
public sealed class ActionsEnvironment(Func<string, string?> environment)
{
    /// <summary>True when running inside GitHub Actions (<c>GITHUB_ACTIONS=true</c>).</summary>
    public bool IsGitHubActions => string.Equals(Value("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file step outputs are appended to (<c>GITHUB_OUTPUT</c>).</summary>
    public string? OutputPath => Value("GITHUB_OUTPUT");

    /// <summary>The file the step summary is appended to (<c>GITHUB_STEP_SUMMARY</c>).</summary>
    public string? StepSummaryPath => Value("GITHUB_STEP_SUMMARY");

    /// <summary>The triggering event's name (<c>GITHUB_EVENT_NAME</c>).</summary>
    public string? EventName => Value("GITHUB_EVENT_NAME");

    /// <summary>The triggering event's payload file (<c>GITHUB_EVENT_PATH</c>).</summary>
    public string? EventPath => Value("GITHUB_EVENT_PATH");

    /// <summary>The repository, <c>owner/name</c> (<c>GITHUB_REPOSITORY</c>).</summary>
    public string? Repository => Value("GITHUB_REPOSITORY");

    /// <summary>The commit the workflow runs on (<c>GITHUB_SHA</c>).</summary>
    public string? Sha => Value("GITHUB_SHA");

    /// <summary>The checkout folder (<c>GITHUB_WORKSPACE</c>).</summary>
    public string? Workspace => Value("GITHUB_WORKSPACE");

    /// <summary>The web page of this workflow run, or null outside Actions.</summary>
    public Uri? RunUrl
    {
        get
        {
            var server = Value("GITHUB_SERVER_URL");
            var repository = Repository;
            var runId = Value("GITHUB_RUN_ID");
            return server is null || repository is null || runId is null
                ? null
                : new Uri($"{server.TrimEnd('/')}/{repository}/actions/runs/{runId}");
        }
    }

    private string? Value(string name)
    {
        var value = environment(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
