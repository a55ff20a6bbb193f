using System.Diagnostics;
using MlopsCi.Action.Tests.Container;

namespace MlopsCi.Action.Tests.Runner;

/// <summary>What one step printed and left behind: exit code, stdout/stderr, the outputs file and the step summary.</summary>
internal sealed record StepResult(int ExitCode, string Out, string Error, IReadOnlyDictionary<string, string> Outputs, string Summary, string OutputFile)
{
    public IReadOnlyList<string> Lines => Out.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}\nsummary:\n{Summary}";
}

/// <summary>
/// Runs the action's image the way the runner runs a <c>runs.using: docker</c> step (actions/runner ContainerActionHandler):
/// a clean environment holding the image's ENV, the GitHub variables, <c>INPUT_&lt;NAME&gt;</c> for every input of
/// action.yml (the step's <c>with:</c> value, else the default with <c>${{ github.token }}</c> evaluated) and the step's
/// <c>env:</c>; the event payload in a file (GITHUB_EVENT_PATH); fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files; the
/// workspace as working folder; the ENTRYPOINT with <c>runs.args</c> (else the image's CMD).
/// </summary>
internal sealed class DockerActionStep(ContainerBuild image, ActionMetadata action, string runnerTemp, string workspace)
{
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
        var eventPath = Path.Combine(workflow, "event.json");
        await File.WriteAllTextAsync(eventPath, payload);
        var outputFile = Path.Combine(commands, "set_output_" + id);
        var summaryFile = Path.Combine(commands, "step_summary_" + id);
        await File.WriteAllTextAsync(outputFile, "");
        await File.WriteAllTextAsync(summaryFile, "");

        var info = new ProcessStartInfo(image.Entrypoint) { WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in action.Args ?? image.Cmd)
            info.ArgumentList.Add(arg);
        info.Environment.Clear();
        // The runtime image has .NET at /usr/share/dotnet; here the test host's runtime stands in for it.
        info.Environment["DOTNET_ROOT"] = DotnetRoot();
        info.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var (key, value) in image.Environment)
            info.Environment[key] = value;
        var variables = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_OUTPUT"] = outputFile,
            ["GITHUB_STEP_SUMMARY"] = summaryFile,
            ["GITHUB_ENV"] = Path.Combine(commands, "set_env_" + id),
            ["GITHUB_PATH"] = Path.Combine(commands, "add_path_" + id),
            ["GITHUB_STATE"] = Path.Combine(commands, "save_state_" + id),
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
            ["RUNNER_TEMP"] = runnerTemp,
        };
        foreach (var input in action.Inputs)
        {
            var value = with.TryGetValue(input.Name, out var given) ? given : Evaluate(input.Default ?? "");
            variables["INPUT_" + input.Name.Replace(' ', '_').ToUpperInvariant()] = value;
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string>())
            variables[key] = value;
        foreach (var (key, value) in variables)
            info.Environment[key] = value;

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new StepResult(process.ExitCode, await stdout, await stderr, StepOutputs.Parse(await File.ReadAllTextAsync(outputFile)), await File.ReadAllTextAsync(summaryFile), await File.ReadAllTextAsync(outputFile));
    }

    private string Evaluate(string value)
    {
        var evaluated = value.Replace("${{ github.token }}", Token, StringComparison.Ordinal);
        return evaluated.Contains("${{", StringComparison.Ordinal)
            ? throw new NotSupportedException($"The test runner cannot evaluate the default '{value}'.")
            : evaluated;
    }

    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
}
