using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MlopsCi.Benchmarks;

/// <summary>
/// <c>mlops predict</c> against <c>mlops evaluate</c> on the same 1,000,000 rows of a generated binary-classification
/// table (committed to a local store, a LightGBM model trained on 50,000 other rows), each as its own process: wall time,
/// rows/s and peak resident memory (VmHWM). Prediction streams, so its peak memory must not grow with the rows: the same
/// prediction on the first 100,000 rows and on 3,000,000 rows show it (the 100,000-row run ends before the runtime
/// reaches its steady size, so the flatness target is set between 1M and 3M rows).
/// </summary>
internal sealed class PredictBenchmark : IBenchmark
{
    private const string Reproduce = "./build.sh Benchmark --filter predict";
    private const int Rows = 1_000_000;
    private const int SmallRows = 100_000;
    private const int TrainRows = 50_000;

    public string Name => "predict";

    public async Task RunAsync(BenchmarkContext context)
    {
        var work = Path.Combine(context.Scratch, "predict");
        if (Directory.Exists(work))
            Directory.Delete(work, true);
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);
        await WriteTableAsync(Path.Combine(data, "train.csv"), TrainRows, seed: 1);
        await WriteTableAsync(Path.Combine(data, "rows-1m.csv"), Rows, seed: 2, Path.Combine(data, "rows-100k.csv"), SmallRows);
        var store = Path.Combine(work, "store");
        var spec = Path.Combine(work, "mlops.yml");
        await File.WriteAllTextAsync(spec, $"store: {store}\nmodel: {{ name: churn, task: binary, data: {{ train: train.csv }}, label: churned, categorical: [plan], trainer: lightgbm, seed: 1 }}\n");
        await MlopsAsync(context, work, "data init", ["data", "init"]);
        await MlopsAsync(context, work, "data commit", ["data", "commit", "main", data, "-m", "generated churn table"]);
        using var run = JsonDocument.Parse((await MlopsAsync(context, work, "train", ["train", "--ref", "main", "--json"])).Output);
        var model = run.RootElement.GetProperty("id").GetString()!;
        Console.WriteLine($"   model: run {model} (LightGBM, {TrainRows:N0} rows); load average before: {LoadAverage()}");

        var small = await MlopsAsync(context, work, "predict 100k", Predict(model, "p-100k.parquet", "--ref", "main", "--path", "rows-100k.csv"));
        var csv = await MlopsAsync(context, work, "predict 1M to CSV", Predict(model, "p-1m.csv", "--ref", "main", "--path", "rows-1m.csv"));
        // Alternately, three times each: one unlucky run on a shared machine moves a single figure by ±50%.
        var (predictions, evaluations) = (new List<ProcessRun>(), new List<ProcessRun>());
        for (var round = 0; round < 3; round++)
        {
            predictions.Add(await MlopsAsync(context, work, "predict 1M to Parquet", Predict(model, "p-1m.parquet", "--ref", "main", "--path", "rows-1m.csv")));
            evaluations.Add(await MlopsAsync(context, work, "evaluate 1M", ["evaluate", "--model", model, "--ref", "main", "--path", "rows-1m.csv", "--json"]));
            Console.WriteLine($"   round {round + 1}: predict {BenchmarkContext.Ms(predictions[^1].Elapsed)} / {predictions[^1].PeakBytes >> 20} MiB, evaluate {BenchmarkContext.Ms(evaluations[^1].Elapsed)} / {evaluations[^1].PeakBytes >> 20} MiB");
        }

        // Three times the rows, from a local file (the store adds nothing to the process's memory): is the peak flat?
        await WriteTableAsync(Path.Combine(work, "rows-3m.csv"), 3 * Rows, seed: 3);
        var large = await MlopsAsync(context, work, "predict 3M", Predict(model, "p-3m.parquet", "--input", "rows-3m.csv"));
        Console.WriteLine($"   load average after: {LoadAverage()}; 1M rows: Parquet {new FileInfo(Path.Combine(work, "p-1m.parquet")).Length / 1e6:0.0} MB, CSV {new FileInfo(Path.Combine(work, "p-1m.csv")).Length / 1e6:0.0} MB");

        var parquet = Median(predictions);
        var evaluate = Median(evaluations);
        Report(context, "mlops predict, 100,000 rows → Parquet", small, SmallRows);
        Report(context, "mlops predict, 1,000,000 rows → Parquet (median of 3)", parquet, Rows);
        Report(context, "mlops predict, 1,000,000 rows → CSV", csv, Rows);
        Report(context, "mlops predict, 3,000,000 rows → Parquet", large, 3 * Rows);
        Report(context, "mlops evaluate, the same 1,000,000 rows (median of 3)", evaluate, Rows);
        context.Figure("predict peak RSS, 1,000,000 / 100,000 rows (Parquet)", BenchmarkContext.Ratio((double)parquet.PeakBytes / small.PeakBytes), null, null, Reproduce);
        var growth = (double)large.PeakBytes / predictions.Max(r => r.PeakBytes);
        context.Figure("predict peak RSS, 3,000,000 / 1,000,000 rows (Parquet)", BenchmarkContext.Ratio(growth), "≤ 1.10x", growth <= 1.10, Reproduce);
        context.Figure("predict / evaluate, wall time (1,000,000 rows, medians of 3)", BenchmarkContext.Ratio(parquet.Elapsed / evaluate.Elapsed), null, null, Reproduce);
        context.Figure("predict / evaluate, peak RSS (1,000,000 rows, highest of 3)", BenchmarkContext.Ratio((double)predictions.Max(r => r.PeakBytes) / evaluations.Max(r => r.PeakBytes)), null, null, Reproduce);
        Directory.Delete(work, true);
    }

    private static string[] Predict(string model, string output, params string[] rows) =>
        ["predict", "--model", model, .. rows, "--out", output, "--json"];

    /// <summary>The run with the median wall time, carrying the highest peak memory of all.</summary>
    private static ProcessRun Median(List<ProcessRun> runs) =>
        runs.OrderBy(r => r.Elapsed).ElementAt(runs.Count / 2) with { PeakBytes = runs.Max(r => r.PeakBytes) };

    private static void Report(BenchmarkContext context, string what, ProcessRun run, int rows)
    {
        var rate = rows / run.Elapsed.TotalSeconds;
        context.Figure($"{what}: wall time", BenchmarkContext.Ms(run.Elapsed), null, null, Reproduce);
        context.Figure($"{what}: rows/s (process wall time)", rate.ToString("N0", CultureInfo.InvariantCulture), null, null, Reproduce);
        context.Figure($"{what}: peak RSS", $"{run.PeakBytes / (1024.0 * 1024):0} MiB", null, null, Reproduce);
    }

    private static async Task<ProcessRun> MlopsAsync(BenchmarkContext context, string work, string what, IEnumerable<string> arguments) =>
        BenchmarkContext.Must("mlops " + what, await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, .. arguments], work));

    /// <summary>
    /// A deterministic churn-like table: tenure, monthly charge, support calls, a plan (categorical) and a noisy label;
    /// the first <paramref name="prefixRows"/> rows also go to <paramref name="prefix"/>.
    /// </summary>
    private static async Task WriteTableAsync(string path, int rows, int seed, string? prefix = null, int prefixRows = 0)
    {
        const string Header = "tenure_months,monthly_charge,support_calls,plan,churned";
        string[] plans = ["basic", "plus", "family", "business"];
        var random = new Random(seed);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await using var head = prefix is null ? null : new StreamWriter(prefix, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync(Header);
        if (head is not null)
            await head.WriteLineAsync(Header);
        var line = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            var tenure = random.Next(1, 73);
            var charge = 15 + (random.NextDouble() * 100);
            var calls = random.Next(0, 8);
            var plan = random.Next(plans.Length);
            var risk = (0.04 * charge) - (0.06 * tenure) + (0.5 * calls) - (0.4 * plan) + (random.NextDouble() * 3) - 2.5;
            line.Clear().Append(CultureInfo.InvariantCulture, $"{tenure},{charge:0.00},{calls},{plans[plan]},{(risk > 0 ? "yes" : "no")}");
            await writer.WriteLineAsync(line);
            if (head is not null && i < prefixRows)
                await head.WriteLineAsync(line);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
