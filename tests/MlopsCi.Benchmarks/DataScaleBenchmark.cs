using System.Diagnostics;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Benchmarks;

/// <summary>
/// Branch creation, a 10-file commit and a 10-entry diff on repositories of 10,000 and 1,000,000 entries (local store).
/// The big trees are built from synthetic entries through the same commit path; the measured commits write real blobs
/// and modify ten existing files spread evenly through the tree (the same work at either size: ten ranges rewritten).
/// </summary>
internal sealed class DataScaleBenchmark : IBenchmark
{
    private const string Reproduce = "./build.sh Benchmark --filter data-scale";

    public string Name => "data-scale";

    public async Task RunAsync(BenchmarkContext context)
    {
        var commitTimes = new Dictionary<int, TimeSpan>();
        foreach (var size in new[] { 10_000, 1_000_000 })
        {
            var root = Path.Combine(context.Scratch, $"scale-{size}");
            if (Directory.Exists(root))
                Directory.Delete(root, true);
            var store = new LocalFolderStore(Path.Combine(root, "store"));
            var options = new RepositoryOptions(TimeProvider.System, "bench");
            var repo = (await Repository.InitAsync(store, "main", options, default)).Repository;
            var seed = Stopwatch.StartNew();
            var entries = Enumerable.Range(0, size).Select(i => Change.Put(new Entry($"data/{i / 1000:D4}/part-{i:D7}.csv", Hashing.Sha256Hex(BitConverter.GetBytes(i)), 100 + i % 1000)));
            await repo.CommitChangesAsync("main", entries, "seed", new Dictionary<string, string>(), default);
            Console.WriteLine($"   seeded {size:N0} entries in {BenchmarkContext.Ms(seed.Elapsed)}");

            // Measure as a new process would: a freshly opened repository with empty caches.
            repo = await Repository.OpenAsync(store, options, default);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

            var branchTimes = new List<TimeSpan>();
            for (var i = 0; i < 21; i++)
            {
                var watch = Stopwatch.StartNew();
                await repo.CreateBranchAsync($"b{i}", "main", default);
                branchTimes.Add(watch.Elapsed);
            }

            var samples = new List<TimeSpan>();
            for (var round = 0; round < 5; round++)
            {
                var folder = Path.Combine(root, $"changed-{round}");
                Directory.CreateDirectory(folder);
                var watch = Stopwatch.StartNew();
                var changes = new List<Change>();
                for (var f = 0; f < 10; f++)
                {
                    var file = Path.Combine(folder, $"{f}.csv");
                    await File.WriteAllTextAsync(file, $"round {round} file {f}\n");
                    var bytes = await File.ReadAllBytesAsync(file);
                    var hash = Hashing.Sha256Hex(bytes);
                    await store.PutIfAbsentAsync($"objects/{hash[..2]}/{hash}", bytes, default);
                    // Ten existing files spread evenly through the tree, so each lands in a different range at any size.
                    var index = (f * size / 10) + (size / 20);
                    changes.Add(Change.Put(new Entry($"data/{index / 1000:D4}/part-{index:D7}.csv", hash, bytes.Length)));
                }

                await repo.CommitChangesAsync("main", changes, $"round {round}", new Dictionary<string, string>(), default);
                samples.Add(watch.Elapsed);
            }

            var commitTime = BenchmarkContext.Median(samples);
            commitTimes[size] = commitTime;
            var log = await repo.LogAsync("main", 2, default);
            var diffTimes = new List<TimeSpan>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                var diff = await repo.DiffAsync(log[1].Id, log[0].Id, "", default);
                diffTimes.Add(watch.Elapsed);
                if (diff.Count != 10)
                    throw new InvalidOperationException($"diff found {diff.Count} entries, expected 10");
            }

            var branch = BenchmarkContext.Median(branchTimes);
            var diffTime = BenchmarkContext.Median(diffTimes);
            context.Figure($"create branch, {size:N0} entries (median of 21)", BenchmarkContext.Ms(branch), "≤ 20 ms", branch.TotalMilliseconds <= 20, Reproduce);
            context.Figure($"commit changing 10 files, {size:N0} entries (median of 5)", BenchmarkContext.Ms(commitTime), "≤ 1 s", commitTime.TotalSeconds <= 1, Reproduce);
            context.Figure($"diff of commits 10 entries apart, {size:N0} entries", BenchmarkContext.Ms(diffTime), size >= 1_000_000 ? "≤ 100 ms" : null, size >= 1_000_000 ? diffTime.TotalMilliseconds <= 100 : null, Reproduce);
            Directory.Delete(root, true);
        }

        var ratio = commitTimes[1_000_000].TotalMilliseconds / Math.Max(0.001, commitTimes[10_000].TotalMilliseconds);
        context.Figure("10-file commit time, 1M entries / 10k entries", BenchmarkContext.Ratio(ratio), "≈ 1 (within noise: ≤ 1.5)", ratio <= 1.5, Reproduce);
    }
}
