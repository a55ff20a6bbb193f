using System.Globalization;
using System.Text.Json;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>Pull-request records at <c>_mlops/pulls/&lt;number&gt;/&lt;model&gt;.json</c> in the data store.</summary>
public sealed class PullRequestRecordStore(IObjectStore store)
{
    private const string Prefix = "_mlops/pulls/";

    /// <summary>The record of a pull request and model, or null.</summary>
    public Task<PullRequestRecord?> TryGetAsync(int number, string model, CancellationToken cancellationToken) =>
        StoreJson.TryReadAsync<PullRequestRecord>(store, Key(number, model), "The pull-request record",
            "; delete it and re-run 'mlops pr sync'.", cancellationToken);

    /// <summary>Every record, newest update first (records that do not parse are skipped: a listing shows what it can).</summary>
    public async Task<IReadOnlyList<PullRequestRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var records = new List<PullRequestRecord>();
        await foreach (var info in store.ListAsync(Prefix, cancellationToken))
        {
            if (!info.Key.EndsWith(".json", StringComparison.Ordinal) || await store.TryReadAllAsync(info.Key, cancellationToken) is not { } bytes)
                continue;
            try
            {
                if (JsonSerializer.Deserialize<PullRequestRecord>(bytes, StoreJson.Options) is { } record)
                    records.Add(record);
            }
            catch (JsonException)
            {
                // TryGetAsync reports the broken record with its key when the flow reads it; a listing goes on.
            }
        }

        return [.. records.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Number)];
    }

    /// <summary>Writes (or replaces) a record.</summary>
    public Task SaveAsync(PullRequestRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return StoreJson.WriteAsync(store, Key(record.Number, record.Model), record, cancellationToken);
    }

    private static string Key(int number, string model) => $"{Prefix}{number.ToString(CultureInfo.InvariantCulture)}/{model}.json";
}
