using System.Diagnostics;

namespace MlopsCi.Benchmarks;

/// <summary>
/// Committing 100,000 new small files: `mlops data commit` against `git add -A &amp;&amp; git commit` of the same files.
/// Each tool runs twice, alternately, into a fresh repository, and nothing is deleted between the timed runs: a file
/// system that has just freed 100,000 inodes allocates new ones slowly for a while (ext4 skips recently deleted
/// inodes), which would penalise whichever tool ran right after a clean-up. Dirty pages are written back (<c>sync</c>)
/// before each timed run, so neither tool pays for the write-back of the files the other (or the set-up) just wrote.
/// The best time of each is compared.
/// </summary>
internal sealed class GitComparisonBenchmark : IBenchmark
{
    private const string Reproduce = "./build.sh Benchmark --filter small-files";
    private const int Files = 100_000;

    public string Name => "small-files-vs-git";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = Path.Combine(context.Scratch, "small-files");
        if (Directory.Exists(root))
            Directory.Delete(root, true);
        var data = Path.Combine(root, "data");
        for (var i = 0; i < Files; i++)
        {
            var folder = Path.Combine(data, $"d{i / 1000:D3}");
            if (i % 1000 == 0)
                Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"f{i:D6}.csv"), $"id,value\n{i},{i * 7 % 1013}\n");
        }

        var gitTimes = new List<TimeSpan>();
        var mlopsTimes = new List<TimeSpan>();
        for (var round = 1; round <= 2; round++)
        {
            gitTimes.Add(await GitAsync(data, Path.Combine(root, $"git-{round}")));
            mlopsTimes.Add(await MlopsAsync(context, root, data, Path.Combine(root, $"store-{round}")));
            Console.WriteLine($"   round {round}: git {BenchmarkContext.Ms(gitTimes[^1])}, mlops {BenchmarkContext.Ms(mlopsTimes[^1])}");
        }

        var git = gitTimes.Min();
        var mlops = mlopsTimes.Min();
        context.Figure("git add -A && git commit, 100,000 small files (best of 2)", BenchmarkContext.Ms(git), null, null, Reproduce);
        context.Figure("mlops data commit, 100,000 small files (whole process, best of 2)", BenchmarkContext.Ms(mlops), null, null, Reproduce);
        var ratio = git / mlops;
        context.Figure("speed-up over git (git time / mlops time)", BenchmarkContext.Ratio(ratio), "≥ 1.00", ratio >= 1, Reproduce);
        Directory.Delete(root, true);
    }

    private static async Task<TimeSpan> GitAsync(string data, string gitDir)
    {
        // The repository lives outside the data folder, so every run starts from the same untouched files.
        var env = new Dictionary<string, string>
        {
            ["GIT_DIR"] = gitDir, ["GIT_WORK_TREE"] = data,
            ["GIT_AUTHOR_NAME"] = "b", ["GIT_AUTHOR_EMAIL"] = "b@b", ["GIT_COMMITTER_NAME"] = "b", ["GIT_COMMITTER_EMAIL"] = "b@b",
        };
        BenchmarkContext.Must("git init", await BenchmarkContext.RunAsync("git", ["init", "-q"], data, env));
        BenchmarkContext.Must("sync", await BenchmarkContext.RunAsync("sync", [], data));
        var watch = Stopwatch.StartNew();
        BenchmarkContext.Must("git add", await BenchmarkContext.RunAsync("git", ["add", "-A"], data, env));
        BenchmarkContext.Must("git commit", await BenchmarkContext.RunAsync("git", ["commit", "-q", "-m", "data"], data, env));
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> MlopsAsync(BenchmarkContext context, string root, string data, string store)
    {
        BenchmarkContext.Must("mlops data init", await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "data", "init", "--store", store], root));
        BenchmarkContext.Must("sync", await BenchmarkContext.RunAsync("sync", [], root));
        var commit = BenchmarkContext.Must("mlops data commit", await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "data", "commit", "main", data, "-m", "data", "--store", store], root));
        return commit.Elapsed;
    }
}
