using MlopsCi.GitHub.Actions;

namespace MlopsCi.BuildScript.Runner;

/// <summary>
/// The base of a build, like Nuke's NukeBuild: targets are <see cref="Target"/> properties of the derived class,
/// parameters are properties marked <see cref="ParameterAttribute"/>. The host sets the context below before
/// any target runs.
/// </summary>
internal abstract class BuildBase
{
    [Parameter("Keep running the targets that do not depend on a failed one")]
    public bool Continue { get; init; }

    /// <summary>The repository root: the directory holding .nuke/.</summary>
    public string RootDirectory { get; internal set; } = Directory.GetCurrentDirectory();

    /// <summary>Environment access, injected so tests control it.</summary>
    internal Func<string, string?> Variables { get; set; } = Environment.GetEnvironmentVariable;

    internal TextWriter Output { get; set; } = TextWriter.Null;

    internal IProcessRunner Processes { get; set; } = new ProcessRunner();

    /// <summary>The dotnet that runs this build (so a dotnet outside PATH still works), else dotnet from PATH.</summary>
    protected static string DotnetExecutable =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    /// <summary>Runs the build with the console, the process environment and Ctrl+C handling.</summary>
    protected static async Task<int> Execute<T>(string[] args, Func<T, Target> defaultTarget)
        where T : BuildBase, new()
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C cancels, so running processes are killed and services stopped; a second one exits.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        HostContext context;
        try
        {
            context = HostContext.FromConsole();
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        return await BuildHost.RunAsync(args, defaultTarget, context, cancellation.Token);
    }

    /// <summary>An absolute path for a path relative to the root ('/' separated).</summary>
    protected string RootPath(string relative) =>
        Path.GetFullPath(Path.Combine(RootDirectory, relative.Replace('/', Path.DirectorySeparatorChar)));

    protected bool FileExists(string relative) => File.Exists(RootPath(relative));

    protected void Note(string message) => Output.WriteLine(message);

    protected void Warn(string message) =>
        Output.WriteLine(string.Equals(Variables("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)
            ? WorkflowCommandFormat.Format("warning", [], message)
            : $"Warning: {message}");

    /// <summary>Runs a process from the root, streaming its output; a non-zero exit code fails the target.</summary>
    protected async Task RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var spec = new ProcessSpec(fileName, arguments.ToList(), RootDirectory, environment);
        Output.WriteLine($"> {spec.CommandLine}");
        var result = await Processes.RunAsync(spec, cancellationToken);
        if (result.ExitCode != 0)
            throw new BuildException($"'{spec.CommandLine}' exited with code {result.ExitCode}.");
    }

    protected Task DotnetAsync(
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(DotnetExecutable, arguments, cancellationToken, environment);

    /// <summary>Runs a repository shell script with bash (no executable bit needed).</summary>
    protected Task ScriptAsync(string relativePath, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync("bash", [relativePath, .. arguments], cancellationToken);
}
