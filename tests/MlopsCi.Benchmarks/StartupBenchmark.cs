using System.Diagnostics;
using System.Globalization;

namespace MlopsCi.Benchmarks;

/// <summary>
/// Start-up of the action's entrypoint, which every pull-request event pays: the program published as actions/Dockerfile
/// publishes it (framework-dependent for the current platform, ReadyToRun) and the same without ReadyToRun, each timed from
/// process start to its first output line (<c>mlops action</c>: the token mask), to a finished <c>mlops action</c> that stops
/// on its input checks, and to a finished <c>mlops --help</c>. Medians of 9 runs after one warm-up. Trimming is not
/// measured: ML.NET builds its pipelines by reflection, so a trimmed mlops would fail at run time.
/// </summary>
internal sealed class StartupBenchmark : IBenchmark
{
    private const int Runs = 9;
    private const string Reproduce = "./build.sh Benchmark --filter action-startup";

    public string Name => "action-startup";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = RepositoryRoot();
        var work = Path.Combine(context.Scratch, "action-startup");
        if (Directory.Exists(work))
            Directory.Delete(work, true);
        var source = CopySources(root, Path.Combine(work, "source"));
        var figures = new Dictionary<string, TimeSpan>();
        foreach (var readyToRun in new[] { true, false })
        {
            var label = readyToRun ? "ReadyToRun (as the image)" : "without ReadyToRun";
            var app = Path.Combine(work, readyToRun ? "app-r2r" : "app-jit");
            var publish = Stopwatch.StartNew();
            await PublishAsync(source, app, readyToRun);
            publish.Stop();
            var workspace = Directory.CreateDirectory(Path.Combine(work, "workspace")).FullName;
            var mlops = Path.Combine(app, "mlops");
            var action = ActionEnvironment(workspace);
            await FirstLineAsync(mlops, ["action"], workspace, action);
            var first = new List<TimeSpan>();
            var finished = new List<TimeSpan>();
            var help = new List<TimeSpan>();
            for (var i = 0; i < Runs; i++)
            {
                var (toFirst, toEnd) = await FirstLineAsync(mlops, ["action"], workspace, action);
                first.Add(toFirst);
                finished.Add(toEnd);
                help.Add((await FirstLineAsync(mlops, ["--help"], workspace, new Dictionary<string, string>())).Finished);
            }

            figures[$"first-{readyToRun}"] = BenchmarkContext.Median(first);
            figures[$"help-{readyToRun}"] = BenchmarkContext.Median(help);
            context.Figure($"{label}: publish time", BenchmarkContext.Ms(publish.Elapsed), null, null, Reproduce);
            context.Figure($"{label}: published size", Megabytes(app), null, null, Reproduce);
            context.Figure($"{label}: start → first output line of mlops action", BenchmarkContext.Ms(BenchmarkContext.Median(first)), null, null, Reproduce);
            context.Figure($"{label}: start → mlops action done (input check fails)", BenchmarkContext.Ms(BenchmarkContext.Median(finished)), null, null, Reproduce);
            context.Figure($"{label}: start → mlops --help done", BenchmarkContext.Ms(BenchmarkContext.Median(help)), "< 500 ms", BenchmarkContext.Median(help) < TimeSpan.FromMilliseconds(500), Reproduce);
        }

        context.Figure("ReadyToRun speed-up, first output line (JIT / R2R)", BenchmarkContext.Ratio(figures["first-False"] / figures["first-True"]), null, null, Reproduce);
        context.Figure("ReadyToRun speed-up, --help done (JIT / R2R)", BenchmarkContext.Ratio(figures["help-False"] / figures["help-True"]), null, null, Reproduce);
        Directory.Delete(work, true);
    }

    // The action's inputs as the runner passes them, with a spec that is not there: the run stops after the input checks.
    private static Dictionary<string, string> ActionEnvironment(string workspace) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_WORKSPACE"] = workspace,
        ["INPUT_COMMAND"] = "auto",
        ["INPUT_SPEC"] = "mlops.yml",
        ["INPUT_GITHUB-TOKEN"] = "ghs_benchmark",
        ["INPUT_WORKING-DIRECTORY"] = ".",
    };

    private static async Task<(TimeSpan FirstLine, TimeSpan Finished)> FirstLineAsync(string program, string[] args, string workingDirectory, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(program, args) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("INPUT_", StringComparison.Ordinal) || k.StartsWith("GITHUB_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadLineAsync();
        var firstLine = watch.Elapsed;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        await stderr;
        return (firstLine, watch.Elapsed);
    }

    private static async Task PublishAsync(string source, string output, bool readyToRun)
    {
        // The flags of actions/Dockerfile's publish line; only ReadyToRun varies.
        string[] args = ["publish", "src/MlopsCi.Cli/MlopsCi.Cli.csproj", "-c", "Release", "--use-current-runtime", "--self-contained", "false",
            $"-p:PublishReadyToRun={(readyToRun ? "true" : "false")}", "-o", output];
        var result = await BenchmarkContext.RunAsync("dotnet", args, source, new Dictionary<string, string> { ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0" });
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed: {result.Error}");
    }

    // What the Dockerfile's build stage copies (root build files and src/), without build outputs.
    private static string CopySources(string root, string target)
    {
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            Directory.CreateDirectory(target);
            File.Copy(Path.Combine(root, file), Path.Combine(target, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    private static string Megabytes(string folder) =>
        (Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MlopsCi.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No MlopsCi.sln above {AppContext.BaseDirectory}.");
    }
}
