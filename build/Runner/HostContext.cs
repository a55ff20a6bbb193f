namespace MlopsCi.BuildScript.Runner;

/// <summary>What the host runs against: root directory, environment, output and processes.</summary>
internal sealed record HostContext(
    string RootDirectory,
    Func<string, string?> Variables,
    TextWriter Output,
    TextWriter Error,
    IProcessRunner Processes)
{
    public bool OnGitHubActions => string.Equals(Variables("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static HostContext FromConsole() => new(
        // The runner lives under the root (build/bin/...), so its own location decides, wherever it is called from.
        FindRootDirectory(AppContext.BaseDirectory) ?? FindRootDirectory(Directory.GetCurrentDirectory())
            ?? throw new UsageException(
                $"No .nuke directory found above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'. Run ./build.sh of the repository."),
        Environment.GetEnvironmentVariable,
        Console.Out,
        Console.Error,
        new ProcessRunner());

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds .nuke/ (Nuke's root marker).</summary>
    public static string? FindRootDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return directory.FullName;
        }

        return null;
    }
}
