using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.GitHub.Actions;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// The inputs of action.yml as the runner passes them (<c>INPUT_&lt;NAME&gt;</c>), checked by the action itself: the runner
/// fills in defaults but enforces neither <c>required</c> nor allowed values. Every problem is reported at once.
/// </summary>
internal sealed record ActionSettings(
    string Command,
    string Spec,
    string? Store,
    string? S3Endpoint,
    string GitHubToken,
    string? DataPath,
    int? RequiredApprovals,
    bool MergePr,
    bool FailOnGate,
    string WorkingDirectory)
{
    /// <summary>The values of the <c>command</c> input.</summary>
    public static readonly string[] Commands = ["auto", "sync", "merge", "close", "retrain"];

    /// <summary>Reads and checks the inputs; <paramref name="workspace"/> is the checkout the relative paths start from.</summary>
    /// <exception cref="InvalidInputException">Listing every missing or invalid input.</exception>
    public static ActionSettings Read(Func<string, string?> environment, string workspace)
    {
        var inputs = new ActionInputs(environment);
        var problems = new List<string>();

        string Required(string name, string hint)
        {
            var value = inputs.Get(name);
            if (value is null)
                problems.Add($"Input '{name}' is required but empty: {hint}.");
            return value ?? "";
        }

        T Checked<T>(Func<T> read, T fallback)
        {
            try
            {
                return read();
            }
            catch (InvalidInputException e)
            {
                problems.Add(e.Message);
                return fallback;
            }
        }

        var command = Required("command", "use auto (the step is picked from the event), sync, merge, close or retrain");
        if (command.Length > 0 && !Commands.Contains(command, StringComparer.Ordinal))
            problems.Add($"Input 'command' is '{command}': use auto, sync, merge, close or retrain.");
        var spec = Required("spec", "name the spec file, e.g. mlops.yml");
        var token = Required("github-token", "leave it out to use the workflow's token (${{ github.token }}), or pass a secret");
        var approvals = inputs.Get("required-approvals");
        int? required = null;
        if (approvals is not null)
        {
            if (int.TryParse(approvals, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
                required = n;
            else
                problems.Add($"Input 'required-approvals' is '{approvals}': use a whole number of at least 1.");
        }

        var mergePr = Checked(() => inputs.GetBoolean("merge-pr", true), true);
        var failOnGate = Checked(() => inputs.GetBoolean("fail-on-gate", true), true);
        var workingDirectory = Path.GetFullPath(inputs.Get("working-directory") ?? ".", workspace);
        if (!Directory.Exists(workingDirectory))
        {
            problems.Add($"Input 'working-directory' is '{inputs.Get("working-directory")}', which is not a folder of the workspace ({workspace}): " +
                "give a path relative to the repository root, and check out the repository (actions/checkout) before this step.");
        }
        else if (spec.Length > 0 && !File.Exists(Path.GetFullPath(spec, workingDirectory)))
        {
            problems.Add($"Input 'spec' is '{spec}', but there is no such file in {workingDirectory}: " +
                "check out the repository (actions/checkout) before this step, or point 'spec' (relative to 'working-directory') at your mlops.yml.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems.Count == 1
                ? problems[0]
                : $"{problems.Count} inputs of the action need fixing (under 'with:' in the workflow step):\n- " + string.Join("\n- ", problems));
        }

        return new ActionSettings(command, spec, inputs.Get("store"), inputs.Get("s3-endpoint"), token, inputs.Get("data-path"), required, mergePr, failOnGate, workingDirectory);
    }

    /// <summary>The inputs as log lines, the token hidden.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"command: {Command}";
        yield return $"spec: {Spec}";
        yield return $"working-directory: {WorkingDirectory}";
        yield return $"store: {Store ?? "(MLOPS_STORE, else store: in the spec, else .mlops/store)"}";
        if (S3Endpoint is not null)
            yield return $"s3-endpoint: {S3Endpoint}";
        if (DataPath is not null)
            yield return $"data-path: {DataPath}";
        yield return $"required-approvals: {RequiredApprovals?.ToString(CultureInfo.InvariantCulture) ?? "1"}";
        yield return $"merge-pr: {(MergePr ? "true" : "false")}";
        yield return $"fail-on-gate: {(FailOnGate ? "true" : "false")}";
        yield return "github-token: ***";
    }
}
