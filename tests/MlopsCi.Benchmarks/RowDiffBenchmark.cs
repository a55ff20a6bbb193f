using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Benchmarks;

/// <summary>
/// Keyed row diff at scale: two versions of a 1,000,000-row, 10-column CSV (1% of rows modified, 1,000 added, 1,000
/// removed) committed to a local store, diffed by the real <c>mlops data diff --rows --key id</c> process: wall time and
/// peak resident memory (VmHWM), and the counts checked against what was written.
/// </summary>
internal sealed class RowDiffBenchmark : IBenchmark
{
    private const int Rows = 1_000_000;
    private const string Reproduce = "./build.sh Benchmark --filter row-diff";

    public string Name => "row-diff";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = Path.Combine(context.Scratch, "row-diff");
        if (Directory.Exists(root))
            Directory.Delete(root, true);
        var (v1, v2) = (Path.Combine(root, "v1"), Path.Combine(root, "v2"));
        Directory.CreateDirectory(v1);
        Directory.CreateDirectory(v2);
        await WriteAsync(Path.Combine(v1, "trips.csv"), edit: false);
        var modified = await WriteAsync(Path.Combine(v2, "trips.csv"), edit: true);
        var storePath = Path.Combine(root, "store");
        await using (var store = new LocalFolderStore(storePath))
        {
            var repository = (await Repository.InitAsync(store, "main", new RepositoryOptions(TimeProvider.System, "bench"), default)).Repository;
            await repository.CommitFolderAsync("main", v1, "", "v1", new Dictionary<string, string>(), NoProgress.Instance, default);
            await repository.CreateBranchAsync("pr", "main", default);
            await repository.CommitFolderAsync("pr", v2, "", "v2", new Dictionary<string, string>(), NoProgress.Instance, default);
        }

        // On a shared machine wall time includes waiting for a core; the CPU time of an in-process diff shows the code's own cost.
        TimeSpan cpu;
        await using (var store = new LocalFolderStore(storePath))
        {
            var repository = await Repository.OpenAsync(store, new RepositoryOptions(TimeProvider.System, "bench"), default);
            using var self = Process.GetCurrentProcess();
            var before = self.TotalProcessorTime;
            await RowDiffer.CompareRefsAsync(repository, "main", "pr", "", TableKeys.None, new RowDiffOptions { Key = ["id"] }, default);
            self.Refresh();
            cpu = self.TotalProcessorTime - before;
        }

        var size = new FileInfo(Path.Combine(v1, "trips.csv")).Length;
        var runs = new List<ProcessRun>();
        for (var i = 0; i < 3; i++)
            runs.Add(BenchmarkContext.Must("mlops data diff --rows", await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "--store", storePath, "data", "diff", "main", "pr", "--rows", "--key", "id", "--json"], root)));
        var diff = JsonDocument.Parse(runs[^1].Output).RootElement[0];
        var counts = (diff.GetProperty("rowsAdded").GetInt64(), diff.GetProperty("rowsRemoved").GetInt64(), diff.GetProperty("rowsModified").GetInt64());
        if (counts != (1000, 1000, modified))
            throw new InvalidOperationException($"The diff counted {counts}, not (1000, 1000, {modified}).");
        var time = BenchmarkContext.Median(runs.Select(r => r.Elapsed));
        var peak = runs.Max(r => r.PeakBytes) / 1e6;
        Console.WriteLine($"   {Rows:N0} rows × 10 columns, {size / 1e6:0.0} MB per version; +1,000 / −1,000 / ~{modified:N0}; wall: {string.Join(", ", runs.Select(r => BenchmarkContext.Ms(r.Elapsed)))}");
        context.Figure("row diff of 1,000,000 × 10 CSV (1% modified): time (median of 3, whole process)", BenchmarkContext.Ms(time), "< 5 s", time.TotalSeconds < 5, Reproduce);
        context.Figure("row diff of 1,000,000 × 10 CSV (1% modified): CPU time (in process)", BenchmarkContext.Ms(cpu), null, null, Reproduce);
        context.Figure("row diff of 1,000,000 × 10 CSV (1% modified): peak memory (VmHWM)", $"{peak:0} MB", "< 300 MB", peak < 300, Reproduce);
        Directory.Delete(root, true);
    }

    /// <summary>Writes the table; with <paramref name="edit"/>, every 100th row changes one cell, and 1,000 rows move out and in. Returns the modified rows.</summary>
    private static async Task<int> WriteAsync(string path, bool edit)
    {
        string[] zones = ["north", "south", "east", "west", "centre"];
        var random = new Random(11);
        var modified = 0;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync("id,pickup_at,zone,passengers,distance,fare,tip,tolls,vendor,note");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var line = new StringBuilder();
        for (var i = 1; i <= Rows + 1000; i++)
        {
            var fare = (random.NextDouble() * 120).ToString("0.00", CultureInfo.InvariantCulture);
            var tip = (random.NextDouble() * 20).ToString("0.00", CultureInfo.InvariantCulture);
            var zone = zones[random.Next(zones.Length)];
            var distance = (random.NextDouble() * 30).ToString("0.00", CultureInfo.InvariantCulture);
            var passengers = random.Next(1, 6);
            if (edit ? i <= 1000 : i > Rows)
                continue; // the new version drops the first 1,000 rows and gains 1,000 at the end
            if (edit && i % 100 == 0 && i <= Rows)
            {
                modified++;
                if (i % 200 == 0)
                    fare = "0.00";
                else
                    zone = "airport";
            }

            line.Clear().Append(i).Append(',')
                .Append(start.AddSeconds(i * 7).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)).Append(',')
                .Append(zone).Append(',').Append(passengers).Append(',').Append(distance).Append(',').Append(fare).Append(',').Append(tip).Append(',')
                .Append(i % 17 == 0 ? "6.55" : "0").Append(',').Append(i % 3 == 0 ? "VTS" : "CMT").Append(',').Append(i % 5 == 0 ? "airport run" : "");
            await writer.WriteLineAsync(line);
        }

        return modified;
    }
}
