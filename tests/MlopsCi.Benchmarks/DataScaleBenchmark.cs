using System.Diagnostics;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Benchmarks;

/// <summary>
/// Branch creation, a 10-file commit and a 10-entry diff on repositories of 10,000 and 1,000,000 entries (local store).
/// The big trees are built from synthetic entries through the same commit path; the measured commits write real blobs
/// and modify ten existing files spread evenly through the tree (the same work at either size: ten ranges rewritten).
/// Both repositories are seeded first and then measured in alternating rounds, so both sizes see the same machine.
/// </summary>
internal sealed class DataScaleBenchmark : IBenchmark
{
    private const string Reproduce = "./build.sh Benchmark --filter data-scale";
    private const int Rounds = 11;
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    public string Name => "data-scale";

    public async Task RunAsync(BenchmarkContext context)
    {
        int[] sizes = [10_000, 1_000_000];
        var subjects = new List<Subject>();
        foreach (var size in sizes)
            subjects.Add(await SeedAsync(context, size));

        // Written-back seed data and a compacted heap: the kernel's write-back does not compete with the measurements.
        await BenchmarkContext.RunAsync("sync", [], context.Scratch);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        for (var round = 0; round < 21; round++)
        {
            foreach (var subject in subjects)
            {
                var watch = Stopwatch.StartNew();
                await subject.Repository.CreateBranchAsync($"b{round}", "main", default);
                subject.BranchTimes.Add(watch.Elapsed);
            }
        }

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var subject in subjects)
            {
                // As BenchmarkDotNet does between iterations: garbage of the previous one is not collected in this one.
                GC.Collect(2, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
                subject.CommitTimes.Add(await CommitTenFilesAsync(subject, round));
            }
        }

        foreach (var subject in subjects)
        {
            var log = await subject.Repository.LogAsync("main", 2, default);
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                var diff = await subject.Repository.DiffAsync(log[1].Id, log[0].Id, "", default);
                subject.DiffTimes.Add(watch.Elapsed);
                if (diff.Count != 10)
                    throw new InvalidOperationException($"diff found {diff.Count} entries, expected 10");
            }

            var size = subject.Size;
            var branch = BenchmarkContext.Median(subject.BranchTimes);
            var commit = BenchmarkContext.Median(subject.CommitTimes);
            var diffTime = BenchmarkContext.Median(subject.DiffTimes);
            context.Figure($"create branch, {size:N0} entries (median of 21)", BenchmarkContext.Ms(branch), "≤ 20 ms", branch.TotalMilliseconds <= 20, Reproduce);
            context.Figure($"commit changing 10 files, {size:N0} entries (median of {Rounds})", BenchmarkContext.Ms(commit), "≤ 1 s", commit.TotalSeconds <= 1, Reproduce);
            context.Figure($"diff of commits 10 entries apart, {size:N0} entries", BenchmarkContext.Ms(diffTime), size >= 1_000_000 ? "≤ 100 ms" : null, size >= 1_000_000 ? diffTime.TotalMilliseconds <= 100 : null, Reproduce);
            Directory.Delete(subject.Root, true);
        }

        var ratio = BenchmarkContext.Median(subjects[1].CommitTimes).TotalMilliseconds / Math.Max(0.001, BenchmarkContext.Median(subjects[0].CommitTimes).TotalMilliseconds);
        context.Figure("10-file commit time, 1M entries / 10k entries", BenchmarkContext.Ratio(ratio), "≈ 1 (within noise: ≤ 1.5)", ratio <= 1.5, Reproduce);
    }

    private static async Task<Subject> SeedAsync(BenchmarkContext context, int size)
    {
        var root = Path.Combine(context.Scratch, $"scale-{size}");
        if (Directory.Exists(root))
            Directory.Delete(root, true);
        var store = new LocalFolderStore(Path.Combine(root, "store"));
        var options = new RepositoryOptions(TimeProvider.System, "bench");
        var repo = (await Repository.InitAsync(store, "main", options, default)).Repository;
        var seed = Stopwatch.StartNew();
        var entries = Enumerable.Range(0, size).Select(i => Change.Put(new Entry(PathOf(i), Hashing.Sha256Hex(BitConverter.GetBytes(i)), 100 + i % 1000)));
        await repo.CommitChangesAsync("main", entries, "seed", NoMetadata, default);
        Console.WriteLine($"   seeded {size:N0} entries in {BenchmarkContext.Ms(seed.Elapsed)}");

        // Measured as a new process would: a freshly opened repository with empty caches.
        return new Subject(size, root, store, await Repository.OpenAsync(store, options, default));
    }

    private static async Task<TimeSpan> CommitTenFilesAsync(Subject subject, int round)
    {
        var folder = Path.Combine(subject.Root, $"changed-{round}");
        Directory.CreateDirectory(folder);
        var watch = Stopwatch.StartNew();
        var changes = new List<Change>();
        for (var f = 0; f < 10; f++)
        {
            var file = Path.Combine(folder, $"{f}.csv");
            await File.WriteAllTextAsync(file, $"round {round} file {f}\n");
            var bytes = await File.ReadAllBytesAsync(file);
            var hash = Hashing.Sha256Hex(bytes);
            await subject.Store.PutIfAbsentAsync($"objects/{hash[..2]}/{hash}", bytes, default);
            // Ten existing files spread evenly through the tree, so each lands in a different range at any size.
            changes.Add(Change.Put(new Entry(PathOf((f * subject.Size / 10) + (subject.Size / 20)), hash, bytes.Length)));
        }

        await subject.Repository.CommitChangesAsync("main", changes, $"round {round}", NoMetadata, default);
        return watch.Elapsed;
    }

    private static string PathOf(int index) => $"data/{index / 1000:D4}/part-{index:D7}.csv";

    private sealed record Subject(int Size, string Root, LocalFolderStore Store, Repository Repository)
    {
        public List<TimeSpan> BranchTimes { get; } = [];

        public List<TimeSpan> CommitTimes { get; } = [];

        public List<TimeSpan> DiffTimes { get; } = [];
    }
}
