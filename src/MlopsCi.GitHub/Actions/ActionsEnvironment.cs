namespace MlopsCi.GitHub.Actions;

/// <summary>
/// The GitHub Actions environment variables (<c>GITHUB_*</c>, the token and the <c>INPUT_*</c> inputs), read through
/// an injected lookup: the one place that names them. Empty or blank values read as unset. The <c>With*</c> methods
/// return a changed copy.
/// </summary>
public sealed class ActionsEnvironment(Func<string, string?> environment)
{
    private readonly Func<string, string?> environment = environment ?? throw new ArgumentNullException(nameof(environment));

    /// <summary>True when running inside GitHub Actions (<c>GITHUB_ACTIONS=true</c>).</summary>
    public bool IsGitHubActions => string.Equals(Variable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file step outputs are appended to (<c>GITHUB_OUTPUT</c>).</summary>
    public string? OutputPath => Variable("GITHUB_OUTPUT");

    /// <summary>The file the step summary is appended to (<c>GITHUB_STEP_SUMMARY</c>).</summary>
    public string? StepSummaryPath => Variable("GITHUB_STEP_SUMMARY");

    /// <summary>The triggering event's name (<c>GITHUB_EVENT_NAME</c>).</summary>
    public string? EventName => Variable("GITHUB_EVENT_NAME");

    /// <summary>The triggering event's payload file (<c>GITHUB_EVENT_PATH</c>).</summary>
    public string? EventPath => Variable("GITHUB_EVENT_PATH");

    /// <summary>The repository, <c>owner/name</c> (<c>GITHUB_REPOSITORY</c>).</summary>
    public string? Repository => Variable("GITHUB_REPOSITORY");

    /// <summary>The commit the workflow runs on (<c>GITHUB_SHA</c>).</summary>
    public string? Sha => Variable("GITHUB_SHA");

    /// <summary>The checkout folder (<c>GITHUB_WORKSPACE</c>).</summary>
    public string? Workspace => Variable("GITHUB_WORKSPACE");

    /// <summary>The user who triggered the workflow (<c>GITHUB_ACTOR</c>).</summary>
    public string? Actor => Variable("GITHUB_ACTOR");

    /// <summary>The REST API's address (<c>GITHUB_API_URL</c>; GitHub Enterprise sets its own).</summary>
    public string? ApiUrl => Variable("GITHUB_API_URL");

    /// <summary>The token from the environment: <c>GITHUB_TOKEN</c>, else <c>GH_TOKEN</c>. Never print it.</summary>
    public string? Token => Variable("GITHUB_TOKEN") ?? Variable("GH_TOKEN");

    /// <summary>The action's inputs (<c>INPUT_*</c>).</summary>
    public ActionInputs Inputs => new(environment);

    /// <summary>The web page of this workflow run, or null outside Actions.</summary>
    public Uri? RunUrl
    {
        get
        {
            var server = Variable("GITHUB_SERVER_URL");
            var repository = Repository;
            var runId = Variable("GITHUB_RUN_ID");
            return server is null || repository is null || runId is null
                ? null
                : new Uri($"{server.TrimEnd('/')}/{repository}/actions/runs/{runId}");
        }
    }

    /// <summary>A copy whose <see cref="Repository"/> is <paramref name="repository"/> (unchanged when null).</summary>
    public ActionsEnvironment WithRepository(string? repository) =>
        repository is null ? this : new(name => name == "GITHUB_REPOSITORY" ? repository : environment(name));

    /// <summary>A copy without <see cref="OutputPath"/>: a step run inside another writes no outputs of its own.</summary>
    public ActionsEnvironment WithoutOutputs() => new(name => name == "GITHUB_OUTPUT" ? null : environment(name));

    /// <summary>Another variable of the step's environment (e.g. <c>MLOPS_GITHUB_TIMEOUT</c>), null when empty.</summary>
    internal string? Variable(string name)
    {
        var value = environment(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
