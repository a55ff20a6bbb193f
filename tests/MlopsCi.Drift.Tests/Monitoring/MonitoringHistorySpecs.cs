using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Monitoring;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;

namespace MlopsCi.Drift.Tests.Monitoring;

public sealed class MonitoringHistorySpecs : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalFolderStore _store;

    public MonitoringHistorySpecs() => _store = new LocalFolderStore(_folder.Path);

    [Fact]
    public async Task Entries_are_stored_per_model_under_mlops_monitoring_and_listed_oldest_first()
    {
        var history = new MonitoringHistory(_store);
        var later = Entry("b", new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var earlier = Entry("a", new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));

        await history.AppendAsync(later, default);
        await history.AppendAsync(earlier, default);
        await history.AppendAsync(Entry("c", earlier.Time) with { Model = "other" }, default);

        Assert.Equal(["a", "b"], (await history.ListAsync("weather", default)).Select(r => r.Id));
        Assert.True(await _store.ExistsAsync("_mlops/monitoring/weather/20250301T100000.000Z-a.json", default));
        Assert.Empty(await history.ListAsync("nothing-yet", default));
    }

    [Fact]
    public async Task Appending_is_put_if_absent_so_an_entry_is_never_overwritten()
    {
        var history = new MonitoringHistory(_store);
        var entry = Entry("a", DateTimeOffset.UnixEpoch);

        Assert.True(await history.AppendAsync(entry, default));
        Assert.False(await history.AppendAsync(entry with { Reason = "changed" }, default));
        Assert.Equal("why", Assert.Single(await history.ListAsync("weather", default)).Reason);
    }

    [Fact]
    public async Task A_corrupt_entry_is_reported_with_its_key()
    {
        await _store.PutAsync("_mlops/monitoring/weather/x.json", Encoding.UTF8.GetBytes("{not json"), default);

        var error = await Assert.ThrowsAsync<CorruptionException>(() => new MonitoringHistory(_store).ListAsync("weather", default));

        Assert.Contains("_mlops/monitoring/weather/x.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_model_name_is_bad_input() =>
        await Assert.ThrowsAsync<InvalidInputException>(() => new MonitoringHistory(_store).ListAsync("../etc", default));

    [Fact]
    public void The_markdown_history_charts_the_chosen_metric_against_its_reference()
    {
        var records = new[]
        {
            Entry("a", DateTimeOffset.UnixEpoch) with { Metrics = new Dictionary<string, double> { ["log-loss"] = 0.9 }, Reference = new Dictionary<string, double> { ["log-loss"] = 0.8 } },
            Entry("b", DateTimeOffset.UnixEpoch.AddDays(1)) with { Kind = MonitoringKind.Retrain, Outcome = MonitoringRecord.Promoted, Version = 2, Metrics = new Dictionary<string, double> { ["log-loss"] = 0.6 } },
        };

        var md = MonitoringMarkdown.History("weather", records, "log-loss");

        Assert.Contains("```mermaid\nxychart-beta\n", md, StringComparison.Ordinal);
        Assert.Contains("x-axis [\"1 monitor v1\", \"2 retrain v2\"]", md, StringComparison.Ordinal);
        Assert.Contains("    line [0.9, 0.6]\n    line [0.8, 0.6]\n", md, StringComparison.Ordinal);
        Assert.Contains("| 0.9 | 0.8 | ✅ ok | why |", md, StringComparison.Ordinal);
        Assert.Contains("| 0.6 | – | 🚀 promoted | why |", md, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    private static MonitoringRecord Entry(string id, DateTimeOffset time) => new(
        id, "weather", MonitoringKind.Monitor, time, 1, "main", "abc123", "weather.csv", "micro-accuracy",
        new Dictionary<string, double> { ["micro-accuracy"] = 0.8 }, new Dictionary<string, double> { ["micro-accuracy"] = 0.85 }, [], MonitoringRecord.Ok, "why");
}
