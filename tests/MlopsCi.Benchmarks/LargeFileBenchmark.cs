using System.Diagnostics;
using MlopsCi.Core.Storage;

namespace MlopsCi.Benchmarks;

/// <summary>A 2 GB file: hashing speed against sha256sum, and the peak memory of committing it.</summary>
internal sealed class LargeFileBenchmark : IBenchmark
{
    private const long Size = 2L << 30;

    public string Name => "large-file";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = Path.Combine(context.Scratch, "large-file");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var file = Path.Combine(root, "data", "big.bin");
        if (!File.Exists(file) || new FileInfo(file).Length != Size)
        {
            var block = new byte[1 << 20];
            new Random(1).NextBytes(block);
            await using var output = File.Create(file);
            for (long written = 0; written < Size; written += block.Length)
            {
                block[0]++;
                await output.WriteAsync(block);
            }
        }

        // Warm the page cache once so both hashers read from memory.
        await BenchmarkContext.RunAsync("sha256sum", [file], root);
        var sha = await BenchmarkContext.RunAsync("sha256sum", [file], root);
        var watch = Stopwatch.StartNew();
        await Hashing.Sha256FileAsync(file, default);
        watch.Stop();
        var speed = sha.Elapsed / watch.Elapsed;
        const string Reproduce = "./build.sh Benchmark --filter large-file";
        context.Figure("sha256sum, 2 GB file", BenchmarkContext.Ms(sha.Elapsed), null, null, Reproduce);
        context.Figure("mlops hashing, 2 GB file", BenchmarkContext.Ms(watch.Elapsed), null, null, Reproduce);
        context.Figure("hashing speed relative to sha256sum", BenchmarkContext.Ratio(speed), "≥ 0.70", speed >= 0.7, Reproduce);

        var store = Path.Combine(root, "store");
        if (Directory.Exists(store))
            Directory.Delete(store, true);
        await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "data", "init", "--store", store], root);
        var commit = await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "data", "commit", "main", Path.Combine(root, "data"), "-m", "big", "--store", store], root);
        if (commit.ExitCode != 0)
            throw new InvalidOperationException(commit.Error);
        var mb = commit.PeakBytes / (1024.0 * 1024);
        context.Figure("commit of a 2 GB file: wall time", BenchmarkContext.Ms(commit.Elapsed), null, null, Reproduce);
        context.Figure("commit of a 2 GB file: peak memory (VmHWM)", $"{mb:0} MB", "< 200 MB", mb < 200, Reproduce);
        Directory.Delete(root, true);
    }
}
