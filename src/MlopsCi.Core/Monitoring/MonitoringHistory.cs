using System.Globalization;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training.Registry;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// A model's monitoring history in the store: one immutable JSON object per entry under
/// <c>_mlops/monitoring/&lt;model&gt;/</c>, named by time and id so listing returns them in order. Entries are appended with
/// put-if-absent, so concurrent writers never overwrite each other and re-appending an entry changes nothing.
/// </summary>
public sealed class MonitoringHistory(IObjectStore store)
{
    internal const string Prefix = StoreLayout.Monitoring;
    private readonly JsonRecords<MonitoringRecord> _records = new(store, "Monitoring entry", ". Delete it or restore it from a backup.");

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
        _records.TryCreateAsync(KeyOf(record), record, cancellationToken);

    /// <summary>Every entry of a model, oldest first (empty when it has none).</summary>
    public async Task<IReadOnlyList<MonitoringRecord>> ListAsync(string model, CancellationToken cancellationToken)
    {
        ModelRegistry.ValidateName(model);
        var records = new List<MonitoringRecord>();
        await foreach (var (_, record) in _records.ListAsync($"{Prefix}{model}/", skipMalformed: false, cancellationToken))
            records.Add(record);
        return [.. records.OrderBy(r => r.Time).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }
}
