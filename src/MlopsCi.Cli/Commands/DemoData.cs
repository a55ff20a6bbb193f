using System.Diagnostics;
using MlopsCi.Core.Errors;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// Finds the demo's real data, seattle-weather.csv from the vega-datasets package, under <c>.data/vega-datasets/</c> of
/// the repository (found upwards from the working folder); runs <c>scripts/fetch-data.sh</c> when it is missing.
/// </summary>
internal static class DemoData
{
    private static readonly string[] Candidates =
    [
        ".data/vega-datasets/derived/seattle-weather.csv",
        ".data/vega-datasets/package/data/seattle-weather.csv",
    ];

    public static async Task<string> LocateAsync(string workingDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        var root = FindRoot(workingDirectory);
        if (root is not null && Find(root) is { } found)
            return found;
        var script = root is null ? null : Path.Combine(root, "scripts", "fetch-data.sh");
        if (script is null || !File.Exists(script))
            throw new OperationFailedException($"The demo needs seattle-weather.csv from vega-datasets under .data/vega-datasets/, and no scripts/fetch-data.sh was found above {workingDirectory}. Run './build.sh Setup' in the MlopsCi repository, or pass --data <seattle-weather.csv>.");
        log.WriteLine($"• data missing: running {script}");
        var info = new ProcessStartInfo("bash", [script]) { WorkingDirectory = root!, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new OperationFailedException($"Could not run {script}.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 && Find(root!) is { } fetched
            ? fetched
            : throw new OperationFailedException($"{script} exited with {process.ExitCode} and seattle-weather.csv is still missing. Run './build.sh Setup' (it needs npm) and try again.");
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "fetch-data.sh")) || Find(dir.FullName) is not null)
                return dir.FullName;
        }

        return null;
    }

    private static string? Find(string root) => Candidates.Select(c => Path.Combine(root, c)).FirstOrDefault(File.Exists);
}
