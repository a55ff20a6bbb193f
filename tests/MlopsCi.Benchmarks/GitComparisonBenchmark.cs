using System.Diagnostics;

namespace MlopsCi.Benchmarks;

/// <summary>Committing 100,000 new small files: `mlops data commit` against `git add -A &amp;&amp; git commit` of the same files.</summary>
internal sealed class GitComparisonBenchmark : IBenchmark
{
    public string Name => "small-files-vs-git";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = Path.Combine(context.Scratch, "small-files");
        if (Directory.Exists(root))
            Directory.Delete(root, true);
        var data = Path.Combine(root, "data");
        for (var i = 0; i < 100_000; i++)
        {
            var folder = Path.Combine(data, $"d{i / 1000:D3}");
            if (i % 1000 == 0)
                Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"f{i:D6}.csv"), $"id,value\n{i},{i * 7 % 1013}\n");
        }

        var gitEnv = new Dictionary<string, string> { ["GIT_AUTHOR_NAME"] = "b", ["GIT_AUTHOR_EMAIL"] = "b@b", ["GIT_COMMITTER_NAME"] = "b", ["GIT_COMMITTER_EMAIL"] = "b@b" };
        await BenchmarkContext.RunAsync("git", ["init", "-q"], data, gitEnv);
        var git = Stopwatch.StartNew();
        var add = await BenchmarkContext.RunAsync("git", ["add", "-A"], data, gitEnv);
        var commit = await BenchmarkContext.RunAsync("git", ["commit", "-q", "-m", "data"], data, gitEnv);
        git.Stop();
        Directory.Delete(Path.Combine(data, ".git"), true);
        if (add.ExitCode != 0 || commit.ExitCode != 0)
            throw new InvalidOperationException("git failed: " + add.Error + commit.Error);

        var store = Path.Combine(root, "store");
        await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "data", "init", "--store", store], root);
        var mlops = await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "data", "commit", "main", data, "-m", "data", "--store", store], root);
        if (mlops.ExitCode != 0)
            throw new InvalidOperationException("mlops failed: " + mlops.Error);

        context.Figure("git add -A && git commit, 100,000 small files", BenchmarkContext.Ms(git.Elapsed), null, null, "./build.sh Benchmark --filter small-files");
        context.Figure("mlops data commit, 100,000 small files (whole process)", BenchmarkContext.Ms(mlops.Elapsed), null, null, "./build.sh Benchmark --filter small-files");
        var ratio = git.Elapsed / mlops.Elapsed;
        context.Figure("speed-up over git (git time / mlops time)", BenchmarkContext.Ratio(ratio), "≥ 1.00", ratio >= 1, "./build.sh Benchmark --filter small-files");
        Directory.Delete(root, true);
    }
}
