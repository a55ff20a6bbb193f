using MlopsCi.Config.Specs;
using MlopsCi.Core.Drift;
using MlopsCi.Core.Monitoring;
using MlopsCi.Core.Training;
using MlopsCi.Training.Tests.Support;
using Xunit.Abstractions;

namespace MlopsCi.Drift.Tests.Monitoring;

/// <summary>
/// The proof on real time-ordered data (vega-datasets seattle-weather, 2012–2015): the data repository's main
/// first holds the older period and a champion trained on it; then the newer period arrives.
/// </summary>
public sealed class RealDataRetrainingSpecs(ITestOutputHelper output)
{
    private const string Cutoff = "2015-01-01";

    private const string Yaml = """
        model:
          name: weather
          task: multiclass
          data: { train: weather/seattle-weather.csv, split: 0.2 }
          label: weather
          time-column: date
          trainer: lightgbm
          params: { numberOfIterations: 50 }
          seed: 1
        gates:
          - { metric: micro-accuracy, max-regression: 2% }
        monitor: { max-degradation: 10% }
        """;

    [Fact]
    public async Task Drift_is_flagged_the_champion_degrades_on_the_newer_period_and_retraining_recovers_it()
    {
        var lines = await File.ReadAllLinesAsync(TestData.File("seattle-weather.csv"));
        var older = lines.Take(1).Concat(lines.Skip(1).Where(l => string.CompareOrdinal(l, Cutoff) < 0));
        await using var repo = await TempRepository.CreateAsync();
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["weather/seattle-weather.csv"] = string.Join('\n', older) + "\n" }, "older-period");
        var spec = MlopsSpecParser.Parse(Yaml);
        var model = spec.RequireModel();
        var retrain = new RetrainService(repo.Repository, repo.Trainer);
        var monitor = new MonitorService(repo.Repository, repo.Trainer);
        var first = await retrain.RetrainAsync(new RetrainRequest(model, spec.Gates), default);
        var registered = first.Promoted!.Metrics[MetricNames.MicroAccuracy];
        output.WriteLine($"champion v1: {first.Record.Reason}; micro-accuracy {registered:0.###}");

        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["weather/seattle-weather.csv"] = string.Join('\n', lines) + "\n" }, "newer-period");
        var drift = await new DriftService(repo.Repository).CompareAsync("older-period", "newer-period", DriftOptions.From(spec), default);
        var degraded = await monitor.MonitorAsync(new MonitorRequest("weather@champion", "main", null, spec.Monitor, spec.Gates), default);
        var second = await retrain.RetrainAsync(new RetrainRequest(model, spec.Gates), default);
        var recovered = await monitor.MonitorAsync(new MonitorRequest("weather@champion", "main", null, spec.Monitor, spec.Gates), default);

        foreach (var column in drift.Columns)
            output.WriteLine($"drift {column.Name}: {column.Reason}");
        output.WriteLine($"monitor v1 on the newer period: {degraded.Record.Outcome}: {degraded.Record.Reason}");
        output.WriteLine("metrics " + string.Join(", ", degraded.Record.Metrics.Select(m => $"{m.Key}={m.Value:0.###}/{degraded.Record.Reference.GetValueOrDefault(m.Key):0.###}")));
        output.WriteLine("retrained " + string.Join(", ", second.Comparison!.Comparison.Metrics.Select(m => $"{m.Metric}={m.Baseline:0.###}->{m.Candidate:0.###}")));
        output.WriteLine($"retrain: {second.Record.Reason}");
        output.WriteLine($"monitor after retraining: {recovered.Record.Outcome}: {recovered.Record.Reason}");
        Assert.True(drift.HasDrift, drift.Summary);
        Assert.True(degraded.Degraded, degraded.Record.Reason);
        Assert.True(second.IsPromoted, second.Record.Reason);
    }
}
