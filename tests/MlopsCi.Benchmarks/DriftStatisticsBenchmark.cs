using System.Diagnostics;
using System.Globalization;
using System.Text;
using MlopsCi.Core.Drift;
using MlopsCi.Core.Drift.Profiling;
using MlopsCi.Core.Drift.Statistics;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Benchmarks;

/// <summary>
/// Drift between two 500,000-row CSV samples (4 numeric columns, one shifted; 2 categorical, one re-weighted) read from a
/// local store: the whole comparison, the statistics step alone (sort, PSI, KS, χ² on the profiles), and the p-value
/// functions alone — the part that moved to MathNet.Numerics.
/// </summary>
internal sealed class DriftStatisticsBenchmark : IBenchmark
{
    private const int Rows = 500_000;
    private const int Evaluations = 1_000_000;
    private const string Reproduce = "./build.sh Benchmark --filter drift-statistics";

    public string Name => "drift-statistics";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = Path.Combine(context.Scratch, "drift-statistics");
        if (Directory.Exists(root))
            Directory.Delete(root, true);
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        var store = new LocalFolderStore(Path.Combine(root, "store"));
        var repository = (await Repository.InitAsync(store, "main", new RepositoryOptions(TimeProvider.System, "bench"), default)).Repository;
        var file = Path.Combine(data, "sample.csv");
        await WriteCsvAsync(file, seed: 1, shifted: false);
        await repository.CommitFolderAsync("main", data, "", "baseline", new Dictionary<string, string>(), NoProgress.Instance, default);
        await repository.CreateBranchAsync("current", "main", default);
        await WriteCsvAsync(file, seed: 2, shifted: true);
        await repository.CommitFolderAsync("current", data, "", "current", new Dictionary<string, string>(), NoProgress.Instance, default);
        var service = new DriftService(repository);
        var options = new DriftOptions(DriftSpec.Default, Path: "sample.csv");

        DriftReport? report = null;
        var whole = Measure(5, () => report = service.CompareAsync("main", "current", options, default).GetAwaiter().GetResult());
        var drifted = report!.Columns.Where(c => c.Drifted).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        if (!drifted.Contains("amount") || !drifted.Contains("payment"))
            throw new InvalidOperationException($"Expected drift in amount and payment, got: {string.Join(", ", drifted)}.");

        var baseline = await ProfileAsync(repository, "main", null);
        var current = await ProfileAsync(repository, "current", name => baseline[name] is { } b ? (b.Kind, b.SkipReason) : null);
        var statistics = Measure(5, () => DriftAnalyzer.Compare(baseline, current, DriftSpec.Default));

        double sink = 0;
        var pValues = Measure(5, () =>
        {
            for (var i = 0; i < Evaluations / 2; i++)
            {
                sink += ChiSquared.SurvivalFunction(i % 400 / 4.0, 1 + (i % 60));
                sink += KolmogorovSmirnov.Survival(0.05 + (i % 300 / 100.0));
            }
        });

        Console.WriteLine($"   {Rows:N0} rows per side, 6 columns, drifted: {string.Join(", ", drifted)}; checksum {sink:0.###}; load average {LoadAverage()}");
        context.Figure($"drift 2 × {Rows:N0}-row CSV, 6 columns: time (median of 5)", BenchmarkContext.Ms(whole), null, null, Reproduce);
        context.Figure("drift statistics on those profiles (sort, PSI, KS, χ²): median of 5", BenchmarkContext.Ms(statistics), null, null, Reproduce);
        context.Figure($"{Evaluations:N0} p-values (half χ² survival, half Kolmogorov): median of 5", BenchmarkContext.Ms(pValues), null, null, Reproduce);
        await store.DisposeAsync();
        Directory.Delete(root, true);
    }

    private static async Task<TableProfile> ProfileAsync(Repository repository, string reference, Func<string, (ColumnKind Kind, string? Reason)?>? kinds)
    {
        var profile = new TableProfile(kinds ?? (_ => null), inferKinds: kinds is null, 200_000);
        var commit = await repository.ResolveAsync(reference, default);
        var entry = await repository.FindAsync(commit, "sample.csv", default)
            ?? throw new InvalidOperationException($"sample.csv is missing at {reference}.");
        await using var content = await repository.OpenBlobAsync(entry, default);
        await profile.AddAsync(CsvTableReader.Csv, content, $"sample.csv at {reference}", default);
        return profile;
    }

    private static TimeSpan Measure(int repeats, Action action)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < repeats; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed);
        }

        Console.WriteLine($"   runs: {string.Join(", ", times.Select(BenchmarkContext.Ms))}");
        return BenchmarkContext.Median(times);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static async Task WriteCsvAsync(string path, int seed, bool shifted)
    {
        string[] payments = ["cash", "card", "voucher"];
        string[] zones = ["north", "south", "east", "west", "centre"];
        var random = new Random(seed);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync("distance,amount,passengers,duration,payment,zone");
        var line = new StringBuilder();
        for (var i = 0; i < Rows; i++)
        {
            var amount = (random.NextDouble() * 100) + (shifted ? 15 : 0);
            var payment = shifted && random.NextDouble() < 0.3 ? "card" : payments[random.Next(payments.Length)];
            line.Clear()
                .Append((random.NextDouble() * 20).ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                .Append(amount.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(1, 6)).Append(',')
                .Append(random.Next(60, 3600)).Append(',')
                .Append(payment).Append(',')
                .Append(zones[random.Next(zones.Length)]);
            await writer.WriteLineAsync(line);
        }
    }
}
