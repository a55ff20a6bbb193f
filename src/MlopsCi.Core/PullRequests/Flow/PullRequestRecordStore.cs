using System.Globalization;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>Pull-request records at <c>_mlops/pulls/&lt;number&gt;/&lt;model&gt;.json</c> in the data store.</summary>
public sealed class PullRequestRecordStore(IObjectStore store)
{
    private readonly JsonRecords<PullRequestRecord> _records = new(store, "The pull-request record", "; delete it and re-run 'mlops pr sync'.");

    /// <summary>The record of a pull request and model, or null.</summary>
    public Task<PullRequestRecord?> TryGetAsync(int number, string model, CancellationToken cancellationToken) =>
        _records.TryReadAsync(Key(number, model), cancellationToken);

    /// <summary>Every record, newest update first (records that do not parse are skipped: a listing shows what it can).</summary>
    public async Task<IReadOnlyList<PullRequestRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var records = new List<PullRequestRecord>();
        // TryGetAsync reports a broken record with its key when the flow reads it; a listing goes on.
        await foreach (var (_, record) in _records.ListAsync(StoreLayout.PullRequests, skipMalformed: true, cancellationToken))
            records.Add(record);
        return [.. records.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Number)];
    }

    /// <summary>Writes (or replaces) a record.</summary>
    public Task SaveAsync(PullRequestRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _records.WriteAsync(Key(record.Number, record.Model), record, cancellationToken);
    }

    private static string Key(int number, string model) => $"{StoreLayout.PullRequests}{number.ToString(CultureInfo.InvariantCulture)}/{model}.json";
}
