using System.Globalization;

namespace MlopsCi.Benchmarks;

/// <summary>
/// <c>mlops train</c> end to end (data read from the store at a ref, checked, trained, evaluated, recorded) on the first
/// 1,000,000 rows of vega-datasets flights, against a minimal hand-written ML.NET program doing the same load, one-hot,
/// LightGBM training and evaluation (tests/MlopsCi.Training.Probe, mode <c>minimal</c>). Each runs as its own process,
/// alternately, three times; the median wall time (one unlucky or lucky run on a shared machine moves a best-of-two by
/// ±10%) and the highest peak resident memory of each are compared.
/// </summary>
internal sealed class TrainingBenchmark : IBenchmark
{
    private const string Reproduce = "./build.sh Benchmark --filter training";
    private const int Rows = 1_000_000;

    public string Name => "training";

    public async Task RunAsync(BenchmarkContext context)
    {
        var root = FindRoot();
        var work = Path.Combine(context.Scratch, "training");
        var probe = await BuildProbeAsync(root, work);
        var csv = Path.Combine(work, "data/flights/flights.csv");
        if (!File.Exists(csv))
        {
            BenchmarkContext.Must("scripts/fetch-data.sh", await BenchmarkContext.RunAsync("bash", [Path.Combine(root, "scripts/fetch-data.sh")], root));
            Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
            BenchmarkContext.Must("flights CSV", await BenchmarkContext.RunAsync("dotnet", [probe, "flights-csv", Rows.ToString(CultureInfo.InvariantCulture), Path.Combine(root, ".data/vega-datasets/package/data/flights-3m.parquet"), csv], work));
        }

        var store = Path.Combine(work, "store");
        if (Directory.Exists(store))
            Directory.Delete(store, true);
        BenchmarkContext.Must("mlops data init", await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "data", "init", "--store", store], work));
        BenchmarkContext.Must("mlops data commit", await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "data", "commit", "main", Path.Combine(work, "data"), "-m", "flights", "--store", store], work));
        var spec = Path.Combine(work, "mlops.yml");
        await File.WriteAllTextAsync(spec, """
            model:
              name: flight-delay
              task: regression
              data: { train: flights/flights.csv, split: 0.2 }
              label: delay
              categorical: [origin, destination]
              ignore: [date]
              trainer: lightgbm
              seed: 1
            """);
        var mlops = new List<(TimeSpan Elapsed, long Peak)>();
        var minimal = new List<(TimeSpan Elapsed, long Peak)>();
        for (var round = 0; round < 3; round++)
        {
            var m = BenchmarkContext.Must("minimal ML.NET program", await BenchmarkContext.RunAsync("dotnet", [probe, "minimal", csv, "delay", "origin,destination", "date"], work));
            minimal.Add((m.Elapsed, m.PeakBytes));
            var t = BenchmarkContext.Must("mlops train", await BenchmarkContext.RunAsync("dotnet", [context.MlopsDll, "train", "--ref", "main", "--spec", spec, "--store", store], work));
            mlops.Add((t.Elapsed, t.PeakBytes));
            Console.WriteLine($"   round {round + 1}: mlops train {BenchmarkContext.Ms(t.Elapsed)} / {t.PeakBytes >> 20} MiB, hand-written {BenchmarkContext.Ms(m.Elapsed)} / {m.PeakBytes >> 20} MiB");
        }

        var time = BenchmarkContext.Median(mlops.Select(r => r.Elapsed).ToList()).TotalSeconds / BenchmarkContext.Median(minimal.Select(r => r.Elapsed).ToList()).TotalSeconds;
        var memory = (double)mlops.Max(r => r.Peak) / minimal.Max(r => r.Peak);
        context.Figure("training: mlops train / hand-written ML.NET, wall time (1M rows, medians of 3)", BenchmarkContext.Ratio(time), "≤ 1.10x", time <= 1.10, Reproduce);
        context.Figure("training: mlops train / hand-written ML.NET, peak memory (1M rows)", BenchmarkContext.Ratio(memory), "≤ 1.2x", memory <= 1.2, Reproduce);
    }

    private static async Task<string> BuildProbeAsync(string root, string work)
    {
        var output = Path.Combine(work, "probe");
        var dll = Path.Combine(output, "MlopsCi.Training.Probe.dll");
        BenchmarkContext.Must("build the probe", await BenchmarkContext.RunAsync("dotnet", ["build", "-c", "Release", "-o", output, Path.Combine(root, "tests/MlopsCi.Training.Probe/MlopsCi.Training.Probe.csproj")], root));
        return dll;
    }


    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MlopsCi.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
