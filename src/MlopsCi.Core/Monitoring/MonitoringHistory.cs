using System.Globalization;
using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// A model's monitoring history in the store: one immutable JSON object per entry under
/// <c>_mlops/monitoring/&lt;model&gt;/</c>, named by time and id so listing returns them in order. Entries are appended with
/// put-if-absent, so concurrent writers never overwrite each other and re-appending an entry changes nothing.
/// </summary>
public sealed class MonitoringHistory(IObjectStore store)
{
    internal const string Prefix = "_mlops/monitoring/";

    /// <summary>A new entry id (8 hex characters).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>The key of an entry.</summary>
    public static string KeyOf(MonitoringRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ModelRegistry.ValidateName(record.Model);
        return $"{Prefix}{record.Model}/{record.Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture)}-{record.Id}.json";
    }

    /// <summary>Appends an entry; returns false when an entry with the same time and id was already there.</summary>
    public Task<bool> AppendAsync(MonitoringRecord record, CancellationToken cancellationToken) =>
        store.PutIfAbsentAsync(KeyOf(record), JsonSerializer.SerializeToUtf8Bytes(record, StoreJson.Options), cancellationToken);

    /// <summary>Every entry of a model, oldest first (empty when it has none).</summary>
    public async Task<IReadOnlyList<MonitoringRecord>> ListAsync(string model, CancellationToken cancellationToken)
    {
        ModelRegistry.ValidateName(model);
        var records = new List<MonitoringRecord>();
        await foreach (var info in store.ListAsync($"{Prefix}{model}/", cancellationToken))
        {
            if (!info.Key.EndsWith(".json", StringComparison.Ordinal) || await store.TryReadAllAsync(info.Key, cancellationToken) is not { } bytes)
                continue;
            try
            {
                records.Add(JsonSerializer.Deserialize<MonitoringRecord>(bytes, StoreJson.Options) ?? throw new JsonException("empty"));
            }
            catch (JsonException e)
            {
                throw new CorruptionException($"Monitoring entry {info.Key} in {store.Location} is not valid JSON ({e.Message}). Delete it or restore it from a backup.", [info.Key]);
            }
        }

        return [.. records.OrderBy(r => r.Time).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }
}
