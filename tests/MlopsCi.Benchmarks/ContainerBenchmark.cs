using System.Diagnostics;

namespace MlopsCi.Benchmarks;

/// <summary>
/// What running the action as a container costs over running the same program on the host: the image built by
/// scripts/docker-image.sh (which starts an engine when DOCKER_HOST names none), its <c>/app</c> copied out and run on
/// the host's .NET. Timed alternately (medians after a warm-up): start → first output line of <c>mlops action</c>,
/// start → <c>mlops --help</c> done, and a full <c>mlops pr sync --dry-run</c> on the demo's data (branch, commit,
/// hooks, LightGBM training, comparison with the champion, report), each sync on a new pull-request number.
/// </summary>
internal sealed class ContainerBenchmark : IBenchmark
{
    private const int StartRuns = 7;
    private const int SyncRuns = 3;
    private const string Reproduce = "./build.sh Benchmark --filter action-container";
    private static readonly string Docker = File.Exists("/usr/bin/docker") ? "/usr/bin/docker" : "docker";

    public string Name => "action-container";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = RepositoryRoot();
        var build = Stopwatch.StartNew();
        var script = BenchmarkContext.Must("scripts/docker-image.sh", await BenchmarkContext.RunAsync("bash", [Path.Combine(root, "scripts", "docker-image.sh")], root));
        build.Stop();
        var tag = script.Output.Trim().Split('\n')[^1];
        var env = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } given ? given : "unix:///tmp/mlops-docker/docker.sock",
        };
        context.Figure("scripts/docker-image.sh (cached bases; build and tag)", BenchmarkContext.Ms(build.Elapsed), null, null, Reproduce);

        var work = Path.Combine(context.Scratch, "action-container");
        if (Directory.Exists(work))
            Directory.Delete(work, true);
        Directory.CreateDirectory(work);
        var container = BenchmarkContext.Must("docker create", await BenchmarkContext.RunAsync(Docker, ["create", tag], work, env)).Output.Trim();
        BenchmarkContext.Must("docker cp", await BenchmarkContext.RunAsync(Docker, ["cp", $"{container}:/app", Path.Combine(work, "app")], work, env));
        await BenchmarkContext.RunAsync(Docker, ["rm", container], work, env);
        var host = Path.Combine(work, "app", "mlops");
        var demo = Path.Combine(work, "demo");
        BenchmarkContext.Must("mlops demo", await BenchmarkContext.RunAsync(host, ["demo", "--out", demo], root));

        // In the container: the work folder mounted at its own path, so every path means the same on both sides.
        string[] Run(string workdir, IReadOnlyDictionary<string, string> variables, params string[] args) =>
            ["run", "--rm", "--network", "host", "-v", $"{work}:{work}", "--workdir", workdir, .. variables.Keys.SelectMany(k => new[] { "-e", k }), tag, .. args];
        var action = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = work,
            ["INPUT_COMMAND"] = "auto",
            ["INPUT_SPEC"] = "mlops.yml",
            ["INPUT_GITHUB-TOKEN"] = "ghs_benchmark",
            ["INPUT_WORKING-DIRECTORY"] = ".",
        };
        var none = new Dictionary<string, string>();
        var samples = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        void Add(string name, TimeSpan time) => (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(time);
        for (var i = 0; i <= StartRuns; i++)
        {
            var measured = new (string Name, TimeSpan Time)[]
            {
                ("container: start → first output line of mlops action", (await StartupBenchmark.TimeAsync(Docker, Run(work, action, "action"), work, env.Concat(action))).FirstLine),
                ("host: start → first output line of mlops action", (await StartupBenchmark.TimeAsync(host, ["action"], work, action)).FirstLine),
                ("container: start → mlops --help done", (await StartupBenchmark.TimeAsync(Docker, Run(work, none, "--help"), work, env)).Finished),
                ("host: start → mlops --help done", (await StartupBenchmark.TimeAsync(host, ["--help"], work, none)).Finished),
            };
            if (i > 0)
            {
                foreach (var (name, time) in measured)
                    Add(name, time);
            }
        }

        var checkout = Path.Combine(demo, "checkout");
        var store = Path.Combine(demo, "store");
        for (var i = 0; i < SyncRuns; i++)
        {
            string[] sync(int pr) => ["pr", "sync", "--dry-run", "--pr", $"{pr}", "--head-sha", new string((char)('a' + (pr % 6)), 40), "--store", store, "--out", Path.Combine(work, $"report-{pr}.md")];
            Add("container: mlops pr sync --dry-run (demo data) done", BenchmarkContext.Must("sync in the container", await BenchmarkContext.RunAsync(Docker, Run(checkout, none, sync(100 + (2 * i))), work, env)).Elapsed);
            Add("host: mlops pr sync --dry-run (demo data) done", BenchmarkContext.Must("sync on the host", await BenchmarkContext.RunAsync(host, sync(101 + (2 * i)), checkout)).Elapsed);
        }

        foreach (var (name, times) in samples)
            context.Figure(name, BenchmarkContext.Ms(BenchmarkContext.Median(times)), null, null, Reproduce);
        foreach (var what in new[] { "start → first output line of mlops action", "start → mlops --help done", "mlops pr sync --dry-run (demo data) done" })
            context.Figure($"container / host, {what}", BenchmarkContext.Ratio(BenchmarkContext.Median(samples["container: " + what]) / BenchmarkContext.Median(samples["host: " + what])), null, null, Reproduce);
        Directory.Delete(work, true);
    }

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
