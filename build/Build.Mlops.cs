using System.Globalization;
using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript;

/// <summary>How the MLOps targets call the mlops tool: dotnet mlops.dll as CompileCli built it.</summary>
internal sealed partial class Build
{
    private const string CliProject = "src/MlopsCi.Cli/MlopsCi.Cli.csproj";

    private string DataRef => Ref ?? Branch
        ?? throw new BuildException("No data ref: pass --ref <branch|tag|commit> (or --branch).");

    private IEnumerable<string> PullRequestOptions => Option("--pr", Pr?.ToString(CultureInfo.InvariantCulture));

    private static IEnumerable<string> Option(string name, string? value) =>
        string.IsNullOrEmpty(value) ? [] : [name, value];

    /// <summary>Runs mlops with the given arguments; --store is passed through when set.</summary>
    private Task MlopsAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        DotnetAsync([MlopsDll(), .. arguments, .. Option("--store", Store)], cancellationToken);

    private string MlopsDll()
    {
        var bin = RootPath($"src/MlopsCi.Cli/bin/{Configuration}");
        var dll = Directory.Exists(bin)
            ? Directory.GetDirectories(bin).Select(d => Path.Combine(d, "mlops.dll")).Where(File.Exists)
                .Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return dll is null
            ? throw new BuildException($"mlops.dll was not found in src/MlopsCi.Cli/bin/{Configuration}/<framework>/; run CompileCli.")
            : Path.GetRelativePath(RootDirectory, dll);
    }
}
