using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Monitoring;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Core.Tests.Storage;

/// <summary>
/// The JSON records kept beside the data (runs, pull-request records, promoted specs, hook runs, monitoring entries):
/// a record that does not parse is a corruption naming its key and saying what to do, never a raw parser error.
/// </summary>
public sealed class JsonRecordSpecs : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private LocalFolderStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new LocalFolderStore(_temp.Combine("store"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_malformed_run_record_is_a_corruption_naming_its_key()
    {
        await PutAsync("_mlops/runs/20250101-000000-abcdef12.json", "{\"id\": ");

        var byId = await Assert.ThrowsAsync<CorruptionException>(() => new RunStore(_store).TryGetAsync("20250101-000000-abcdef12", default));
        var listed = await Assert.ThrowsAsync<CorruptionException>(() => new RunStore(_store).ListAsync(null, default));

        foreach (var error in new[] { byId, listed })
        {
            Assert.StartsWith($"Run record _mlops/runs/20250101-000000-abcdef12.json in {_store.Location} is not valid JSON (", error.Message, StringComparison.Ordinal);
            Assert.Equal(["_mlops/runs/20250101-000000-abcdef12.json"], error.Objects);
        }
    }

    [Fact]
    public async Task A_malformed_hook_run_is_a_corruption_naming_its_key_and_what_to_do()
    {
        const string key = "_mlops/hook-runs/main/20250101T000000.0000000Z-abc.json";
        await PutAsync(key, "[1, 2");

        var error = await Assert.ThrowsAsync<CorruptionException>(() => new HookRunStore(_store).ListAsync("main", 5, default));

        Assert.StartsWith($"Hook run record {key} in {_store.Location} is not valid JSON (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("). Delete it: it only records a past hook run.", error.Message, StringComparison.Ordinal);
        Assert.Equal([key], error.Objects);
    }

    [Fact]
    public async Task A_malformed_pull_request_record_names_its_key_when_read_and_is_left_out_of_a_listing()
    {
        await PutAsync("_mlops/pulls/7/churn.json", "not json");
        var records = new PullRequestRecordStore(_store);

        var error = await Assert.ThrowsAsync<CorruptionException>(() => records.TryGetAsync(7, "churn", default));
        var listed = await records.ListAsync(default);

        Assert.StartsWith($"The pull-request record _mlops/pulls/7/churn.json in {_store.Location} is not valid JSON (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("); delete it and re-run 'mlops pr sync'.", error.Message, StringComparison.Ordinal);
        Assert.Empty(listed);
    }

    [Fact]
    public async Task A_malformed_promoted_spec_names_its_key_and_the_fallback()
    {
        await PutAsync("_mlops/specs/churn/3.json", "{");

        var error = await Assert.ThrowsAsync<CorruptionException>(() => new PromotedSpecStore(_store).TryGetAsync("churn", 3, default));

        Assert.StartsWith($"The promoted spec _mlops/specs/churn/3.json in {_store.Location} is not valid JSON (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("); delete it and pull requests are judged by the base branch's mlops.yml.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_monitoring_entry_holding_null_is_malformed_too()
    {
        await PutAsync("_mlops/monitoring/weather/20250101T000000.000Z-a.json", "null");

        var error = await Assert.ThrowsAsync<CorruptionException>(() => new MonitoringHistory(_store).ListAsync("weather", default));

        Assert.Equal($"Monitoring entry _mlops/monitoring/weather/20250101T000000.000Z-a.json in {_store.Location} is not valid JSON (empty). Delete it or restore it from a backup.", error.Message);
    }

    [Fact]
    public async Task A_record_round_trips_and_a_listing_returns_only_json_records_under_the_prefix_in_key_order()
    {
        var records = new JsonRecords<PromotedSpec>(_store, "The test record", ".");
        var spec = new PromotedSpec("m", 1, "hash", "text", "mlops.yml", "sha", DateTimeOffset.UnixEpoch);
        await records.WriteAsync("_mlops/test/b.json", spec with { Version = 2 }, default);
        await records.WriteAsync("_mlops/test/a.json", spec, default);
        await PutAsync("_mlops/test/a.sidecar", "not a record");
        await PutAsync("_mlops/other/c.json", "{}");

        var read = await records.TryReadAsync("_mlops/test/a.json", default);
        var missing = await records.TryReadAsync("_mlops/test/none.json", default);
        var created = await records.TryCreateAsync("_mlops/test/a.json", spec with { Version = 9 }, default);
        var listed = new List<(string Key, PromotedSpec Record)>();
        await foreach (var item in records.ListAsync("_mlops/test/", skipMalformed: false, default))
            listed.Add(item);

        Assert.Equal(spec, read);
        Assert.Null(missing);
        Assert.False(created);
        Assert.Equal(["_mlops/test/a.json", "_mlops/test/b.json"], listed.Select(l => l.Key));
        Assert.Equal([1, 2], listed.Select(l => l.Record.Version));
    }

    private Task PutAsync(string key, string content) => _store.PutAsync(key, Encoding.UTF8.GetBytes(content), default);
}
