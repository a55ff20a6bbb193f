using System.Diagnostics;
using System.Globalization;

namespace MlopsCi.Benchmarks;

/// <summary>
/// Start-up of the action's entrypoint, which every pull-request event pays: the program published as actions/Dockerfile
/// publishes it (framework-dependent for the current platform, ReadyToRun) and the same without ReadyToRun, timed from
/// process start to its first output line (<c>mlops action</c>: the token mask), to a finished <c>mlops action</c> that
/// stops on its input checks, to a finished <c>mlops --help</c>, and, for code that loads ML.NET, to a finished
/// <c>mlops evaluate</c> and <c>mlops train</c> on 400 rows. The two builds run alternately (medians of 9 after a warm-up)
/// so both see the same machine load. Trimming is not measured: ML.NET builds its pipelines by reflection.
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
        var variants = new[] { (Label: "ReadyToRun (as the image)", ReadyToRun: true), (Label: "without ReadyToRun", ReadyToRun: false) };
        var programs = new Dictionary<bool, string>();
        foreach (var (label, readyToRun) in variants)
        {
            var app = Path.Combine(work, readyToRun ? "app-r2r" : "app-jit");
            var publish = Stopwatch.StartNew();
            await PublishAsync(source, app, readyToRun);
            context.Figure($"{label}: publish time, size", $"{BenchmarkContext.Ms(publish.Elapsed)}, {Megabytes(app)}", null, null, Reproduce);
            programs[readyToRun] = Path.Combine(app, "mlops");
        }

        var workspace = Directory.CreateDirectory(Path.Combine(work, "workspace")).FullName;
        var runId = await SeedAsync(programs[true], workspace);
        var none = new Dictionary<string, string>();
        var action = ActionEnvironment(workspace);
        var samples = variants.ToDictionary(v => v.ReadyToRun, _ => new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal));
        for (var i = 0; i <= Runs; i++)
        {
            foreach (var (_, readyToRun) in variants)
            {
                var mlops = programs[readyToRun];
                var (first, done) = await TimeAsync(mlops, ["action"], workspace, action);
                var measured = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
                {
                    ["start → first output line of mlops action"] = first,
                    ["start → mlops action done (input check fails)"] = done,
                    ["start → mlops --help done"] = (await TimeAsync(mlops, ["--help"], workspace, none)).Finished,
                    ["start → mlops evaluate done (ML.NET, 400 rows)"] = (await TimeAsync(mlops, ["evaluate", "--model", runId, "--ref", "main"], workspace, none)).Finished,
                    ["start → mlops train done (LightGBM, 400 rows)"] = (await TimeAsync(mlops, ["train", "--ref", "main"], workspace, none)).Finished,
                };
                foreach (var (name, time) in measured)
                {
                    if (i > 0)
                        (samples[readyToRun].TryGetValue(name, out var list) ? list : samples[readyToRun][name] = []).Add(time);
                }
            }
        }

        foreach (var (label, readyToRun) in variants)
        {
            foreach (var (name, times) in samples[readyToRun])
                context.Figure($"{label}: {name}", BenchmarkContext.Ms(BenchmarkContext.Median(times)), null, null, Reproduce);
        }

        foreach (var name in samples[true].Keys)
            context.Figure($"ReadyToRun speed-up (JIT / R2R), {name}", BenchmarkContext.Ratio(BenchmarkContext.Median(samples[false][name]) / BenchmarkContext.Median(samples[true][name])), null, null, Reproduce);
        Directory.Delete(work, true);
    }

    // A data repository with 400 rows on main, a spec, and one trained run to evaluate.
    private static async Task<string> SeedAsync(string mlops, string workspace)
    {
        var random = new Random(7);
        var csv = new System.Text.StringBuilder("tenure,monthly,plan,calls,churned\n");
        for (var i = 0; i < 400; i++)
        {
            var (tenure, monthly, calls) = (random.Next(1, 72), 20 + (random.NextDouble() * 80), random.Next(0, 8));
            var plan = random.Next(3) switch { 0 => "basic", 1 => "pro", _ => "team" };
            var churned = -1.2 - (0.04 * tenure) + (0.03 * monthly) + (0.45 * calls) + ((random.NextDouble() - 0.5) * 1.5) > 0;
            csv.Append(CultureInfo.InvariantCulture, $"{tenure},{monthly:0.00},{plan},{calls},{(churned ? "true" : "false")}\n");
        }

        Directory.CreateDirectory(Path.Combine(workspace, "data"));
        await File.WriteAllTextAsync(Path.Combine(workspace, "data", "customers.csv"), csv.ToString());
        await File.WriteAllTextAsync(Path.Combine(workspace, "mlops.yml"), "model:\n  name: churn\n  task: binary\n  data:\n    train: customers.csv\n    split: 0.25\n  label: churned\n  categorical: [plan]\n  trainer: lightgbm\n  seed: 1\n");
        foreach (var args in new[] { new[] { "data", "init" }, ["data", "commit", "main", "data", "-m", "customers"] })
            await MustAsync(mlops, args, workspace);
        using var run = System.Text.Json.JsonDocument.Parse(await MustAsync(mlops, ["train", "--ref", "main", "--json"], workspace));
        return run.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string> MustAsync(string mlops, string[] args, string workspace) =>
        BenchmarkContext.Must($"mlops {string.Join(' ', args)}", await BenchmarkContext.RunAsync(mlops, args, workspace)).Output;

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

    /// <summary>Runs a program with the runner's INPUT_/GITHUB_ variables replaced by <paramref name="environment"/>: time to its first output line and to its exit.</summary>
    internal static async Task<(TimeSpan FirstLine, TimeSpan Finished)> TimeAsync(string program, string[] args, string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment)
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
