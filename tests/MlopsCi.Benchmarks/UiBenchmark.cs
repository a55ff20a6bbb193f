using System.Diagnostics;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;
using MlopsCi.Web;

namespace MlopsCi.Benchmarks;

/// <summary>
/// Time to first byte of <c>mlops ui</c> pages on a 1,000,000-entry repository (local store; 1,000 folders of 1,000 files,
/// built as DataScaleBenchmark builds its tree) with 20 branches. The server is started fresh on the repository, one request
/// to another page warms up the web stack, then each page is fetched once with cold caches and 11 more times (median).
/// </summary>
internal sealed class UiBenchmark : IBenchmark
{
    private const string Reproduce = "./build.sh Benchmark --filter ui";
    private const int Size = 1_000_000;
    private const int Repeats = 11;

    public string Name => "ui";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = Path.Combine(context.Scratch, "ui");
        if (Directory.Exists(root))
            Directory.Delete(root, true);
        var store = new LocalFolderStore(Path.Combine(root, "store"));
        var repository = (await Repository.InitAsync(store, "main", new RepositoryOptions(TimeProvider.System, "bench"), default)).Repository;
        var seed = Stopwatch.StartNew();
        var entries = Enumerable.Range(0, Size).Select(i => Change.Put(new Entry($"data/{i / 1000:D4}/part-{i:D7}.csv", Hashing.Sha256Hex(BitConverter.GetBytes(i)), 100 + (i % 1000))));
        await repository.CommitChangesAsync("main", entries, "seed", new Dictionary<string, string>(), default);
        for (var b = 0; b < 20; b++)
            await repository.CreateBranchAsync($"feature/b{b:D2}", "main", default);
        Console.WriteLine($"   seeded {Size:N0} entries and 20 branches in {BenchmarkContext.Ms(seed.Elapsed)}");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        await using (var server = await UiServer.StartAsync(new UiServerOptions(new LocalFolderStore(Path.Combine(root, "store")), "127.0.0.1", 0), default))
        {
            using var http = new HttpClient { BaseAddress = server.Address };
            (await http.GetAsync("/api")).EnsureSuccessStatusCode();
            (string Label, string Url, bool Target)[] pages =
            [
                ("branches page (/data)", "/data", true),
                ("1,000-entry tree page (/data/tree/main?path=data/0500/)", "/data/tree/main?path=data/0500/", true),
                ("1,000-entry tree page, JSON (/api/tree/main?path=data/0500/)", "/api/tree/main?path=data/0500/", true),
                ("another 1,000-entry tree page (/data/tree/main?path=data/0999/)", "/data/tree/main?path=data/0999/", true),
                ("folder of 1,000 sub-folders (/data/tree/main?path=data/)", "/data/tree/main?path=data/", false),
                ("commit log (/data/log/main)", "/data/log/main", false),
            ];
            foreach (var (label, url, target) in pages)
            {
                var cold = await FirstByteAsync(http, url);
                var warm = new List<TimeSpan>();
                for (var i = 0; i < Repeats; i++)
                    warm.Add(await FirstByteAsync(http, url));
                var median = BenchmarkContext.Median(warm);
                context.Figure($"first byte, {label}, {Size:N0} entries: cold / median of {Repeats}", $"{BenchmarkContext.Ms(cold)} / {BenchmarkContext.Ms(median)}",
                    target ? "≤ 100 ms" : null, target ? median.TotalMilliseconds <= 100 && cold.TotalMilliseconds <= 100 : null, Reproduce);
            }
        }

        Directory.Delete(root, true);
    }

    private static async Task<TimeSpan> FirstByteAsync(HttpClient http, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[1];
        _ = await body.ReadAsync(first);
        var elapsed = watch.Elapsed;
        await body.CopyToAsync(Stream.Null);
        return elapsed;
    }
}
