using MlopsCi.Action.Tests.Container;

namespace MlopsCi.Action.Tests.Runner;

/// <summary>What one step printed and left behind: exit code, stdout/stderr, the outputs file and the step summary.</summary>
internal sealed record StepResult(int ExitCode, string Out, string Error, IReadOnlyDictionary<string, string> Outputs, string Summary, string OutputFile)
{
    public IReadOnlyList<string> Lines => Out.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}\nsummary:\n{Summary}";
}

/// <summary>
/// Runs the action's image as the runner runs a <c>runs.using: docker</c> step. actions/runner,
/// src/Runner.Worker/Handlers/ContainerActionHandler.cs: <c>INPUT_&lt;NAME&gt;</c> for every input (name upper-cased,
/// spaces to <c>_</c>); HOME is <c>&lt;temp&gt;/_github_home</c>; mounts <c>/var/run/docker.sock</c>,
/// <c>&lt;temp&gt;/_github_home:/github/home</c>, <c>&lt;temp&gt;/_github_workflow:/github/workflow</c>,
/// <c>&lt;temp&gt;/_runner_file_commands:/github/file_commands</c>, <c>&lt;workspace&gt;:/github/workspace</c>; every
/// variable's value translated to the container path under those mounts (so GITHUB_OUTPUT is
/// /github/file_commands/set_output_&lt;id&gt;, GITHUB_EVENT_PATH /github/workflow/event.json; RUNNER_TEMP, not under a
/// mount, stays the host path); workdir /github/workspace; the ENTRYPOINT with <c>runs.args</c>.
/// src/Runner.Worker/Container/DockerCommandManager.cs DockerRun: <c>docker run --name … --label … --workdir
/// /github/workspace --rm -e NAME…</c> (names only, values from the docker process's environment) <c>-e
/// GITHUB_ACTIONS=true -e CI=true --network &lt;job network&gt; -v … &lt;image&gt; &lt;args&gt;</c>. The job network
/// here is <c>host</c>: the engine has no bridge, and the fake GitHub listens on the host's loopback.
/// </summary>
internal sealed class DockerActionStep(ActionImage image, ActionMetadata action, string runnerTemp, string workspace)
{
    /// <summary>Where the runner's temp folder is on a GitHub-hosted runner (RUNNER_TEMP, not mounted).</summary>
    public const string HostedRunnerTemp = "/home/runner/work/_temp";

    public required string Repository { get; init; }

    public required string Token { get; init; }

    public Uri? ApiUrl { get; init; }

    public string Sha { get; init; } = new('0', 40);

    public async Task<StepResult> RunAsync(string eventName, string payload, IReadOnlyDictionary<string, string> with, IReadOnlyDictionary<string, string>? env = null)
    {
        var unknown = with.Keys.Except(action.Inputs.Select(i => i.Name)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Unexpected input(s) {string.Join(", ", unknown)}: action.yml does not declare them.");
        var id = Guid.NewGuid().ToString("N");
        var workflow = Directory.CreateDirectory(Path.Combine(runnerTemp, "_github_workflow")).FullName;
        var commands = Directory.CreateDirectory(Path.Combine(runnerTemp, "_runner_file_commands")).FullName;
        var home = Directory.CreateDirectory(Path.Combine(runnerTemp, "_github_home")).FullName;
        await File.WriteAllTextAsync(Path.Combine(workflow, "event.json"), payload);
        var outputFile = Path.Combine(commands, "set_output_" + id);
        var summaryFile = Path.Combine(commands, "step_summary_" + id);
        await File.WriteAllTextAsync(outputFile, "");
        await File.WriteAllTextAsync(summaryFile, "");

        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = "/github/home",
            ["GITHUB_WORKSPACE"] = "/github/workspace",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = "/github/workflow/event.json",
            ["GITHUB_OUTPUT"] = "/github/file_commands/set_output_" + id,
            ["GITHUB_STEP_SUMMARY"] = "/github/file_commands/step_summary_" + id,
            ["GITHUB_ENV"] = "/github/file_commands/set_env_" + id,
            ["GITHUB_PATH"] = "/github/file_commands/add_path_" + id,
            ["GITHUB_STATE"] = "/github/file_commands/save_state_" + id,
            ["GITHUB_REPOSITORY"] = Repository,
            ["GITHUB_REPOSITORY_OWNER"] = Repository.Split('/')[0],
            ["GITHUB_SHA"] = Sha,
            ["GITHUB_REF"] = "refs/pull/1/merge",
            ["GITHUB_ACTOR"] = "monalisa",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_RUN_ATTEMPT"] = "1",
            ["GITHUB_JOB"] = "mlops",
            ["GITHUB_ACTION"] = "mlops",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_API_URL"] = ApiUrl?.ToString() ?? "https://api.github.com",
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_ARCH"] = "X64",
            ["RUNNER_TEMP"] = HostedRunnerTemp,
        };
        foreach (var input in action.Inputs)
        {
            var value = with.TryGetValue(input.Name, out var given) ? given : Evaluate(input.Default ?? "");
            variables["INPUT_" + input.Name.Replace(' ', '_').ToUpperInvariant()] = value;
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string>())
            variables[key] = value;

        List<string> arguments = ["run", "--name", "mlopsci-action-" + id[..12], "--label", "mlopsci-tests", "--workdir", "/github/workspace", "--rm"];
        foreach (var name in variables.Keys)
            arguments.AddRange(["-e", name]);
        arguments.AddRange(["-e", "GITHUB_ACTIONS=true", "-e", "CI=true", "--network", "host"]);
        foreach (var (source, target) in new[] { (image.SocketPath, "/var/run/docker.sock"), (home, "/github/home"), (workflow, "/github/workflow"), (commands, "/github/file_commands"), (workspace, "/github/workspace") })
        {
            if (source is not null)
                arguments.AddRange(["-v", $"{source}:{target}"]);
        }

        arguments.Add(image.Tag);
        arguments.AddRange(action.Args ?? []);

        var run = await image.DockerAsync(arguments, variables);
        return new StepResult(run.ExitCode, run.Out, run.Error, StepOutputs.Parse(await File.ReadAllTextAsync(outputFile)), await File.ReadAllTextAsync(summaryFile), await File.ReadAllTextAsync(outputFile));
    }

    private string Evaluate(string value)
    {
        var evaluated = value.Replace("${{ github.token }}", Token, StringComparison.Ordinal);
        return evaluated.Contains("${{", StringComparison.Ordinal)
            ? throw new NotSupportedException($"The test runner cannot evaluate the default '{value}'.")
            : evaluated;
    }
}
