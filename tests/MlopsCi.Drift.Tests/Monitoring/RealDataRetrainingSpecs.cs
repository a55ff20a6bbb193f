using MlopsCi.Config.Specs;
using MlopsCi.Core.Drift;
using MlopsCi.Core.Monitoring;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Training.Tests.Support;
using Xunit.Abstractions;

namespace MlopsCi.Drift.Tests.Monitoring;

/// <summary>
/// The proof on real time-ordered data (vega-datasets seattle-weather, 2012–2015, from scripts/fetch-data.sh):
/// main first holds 2012 and a champion trained on it (held-out rows: the latest 20%); then 2013–2015 arrive.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class RealDataRetrainingSpecs(ITestOutputHelper output)
{
    private const string Cutoff = "2013-01-01";

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
          - { metric: log-loss, max-regression: 5% }
        monitor: { max-degradation: 5% }
        """;

    [Fact]
    public async Task Drift_is_flagged_the_champion_degrades_on_the_newer_period_and_retraining_recovers_it()
    {
        var lines = await File.ReadAllLinesAsync(TestData.File("seattle-weather.csv"));
        var older = lines.Take(1).Concat(lines.Skip(1).Where(l => string.CompareOrdinal(l, Cutoff) < 0));
        await using var repo = await TempRepository.CreateAsync();
        var spec = MlopsSpecParser.Parse(Yaml);
        var retrain = new RetrainService(repo.Repository, repo.Trainer);
        var monitor = new MonitorService(repo.Repository, repo.Trainer);
        var request = new RetrainRequest(spec.RequireModel(), spec.Gates);
        var watch = new MonitorRequest("weather@champion", "main", null, spec.Monitor, spec.Gates);
        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["weather/seattle-weather.csv"] = string.Join('\n', older) + "\n" }, "older-period");
        var champion = (await retrain.RetrainAsync(request, default)).Promoted!;

        await repo.CommitTextAsync("main", new Dictionary<string, string> { ["weather/seattle-weather.csv"] = string.Join('\n', lines) + "\n" }, "newer-period");
        var drift = await new DriftService(repo.Repository).CompareAsync("older-period", "newer-period", DriftOptions.From(spec), default);
        var degraded = await monitor.MonitorAsync(watch, default);
        var retrained = await retrain.RetrainAsync(request, default);
        var again = await retrain.RetrainAsync(request, default);
        var recovered = await monitor.MonitorAsync(watch, default);
        Log(drift, degraded, retrained, recovered);

        // 1. Drift is flagged when the period changes: the class mix of the label and the temperatures moved.
        Assert.Contains("weather", drift.Drifted.Select(c => c.Name));
        Assert.Contains("temp_max", drift.Drifted.Select(c => c.Name));
        Assert.Contains(drift.Columns, c => c.Name == "date" && c.Kind == ColumnKind.Skipped);

        // 2. The champion degrades on the newer period: its log-loss got worse than at registration by more than 5%.
        Assert.True(degraded.Degraded, degraded.Record.Reason);
        var logLoss = degraded.Record.Checks.Single(c => c.Metric == MetricNames.LogLoss);
        Assert.False(logLoss.Passed);
        Assert.Equal(champion.Metrics[MetricNames.LogLoss], logLoss.Reference);

        // 3. Retraining recovers it: promoted because it is better on the same latest rows, back to (or beyond) the
        // champion's level at registration, and monitoring passes again. Re-running changes nothing.
        Assert.True(retrained.IsPromoted, retrained.Record.Reason);
        Assert.Equal(2, retrained.Promoted!.Version);
        var comparison = retrained.Comparison!.Comparison;
        Assert.Equal(Verdict.Better, comparison[MetricNames.LogLoss]!.Verdict);
        Assert.True(comparison[MetricNames.LogLoss]!.Candidate <= champion.Metrics[MetricNames.LogLoss], retrained.Record.Reason);
        Assert.True(comparison[MetricNames.MicroAccuracy]!.Candidate >= champion.Metrics[MetricNames.MicroAccuracy], retrained.Record.Reason);
        Assert.False(recovered.Degraded, recovered.Record.Reason);
        Assert.Equal((2, retrained.Record.Id), (again.Promoted!.Version, again.Record.Id));
        Assert.Equal(("promoted", "2"), (retrained.Run.Tag(RetrainTags.Decision), retrained.Promoted.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var history = await retrain.History.ListAsync("weather", default);
        Assert.Equal(["promoted", "degraded", "promoted", "ok"], history.Select(r => r.Outcome));
    }

    private void Log(DriftReport drift, MonitorResult degraded, RetrainResult retrained, MonitorResult recovered)
    {
        foreach (var column in drift.Columns)
            output.WriteLine($"drift {column.Name}: {column.Reason}");
        output.WriteLine($"monitor before retraining: {degraded.Record.Outcome}: {degraded.Record.Reason}");
        output.WriteLine($"retrain: {retrained.Record.Reason}");
        output.WriteLine($"monitor after retraining: {recovered.Record.Outcome}: {recovered.Record.Reason}");
    }
}
