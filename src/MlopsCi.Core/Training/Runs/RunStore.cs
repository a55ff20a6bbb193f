using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Training.Runs;

/// <summary>
/// Runs stored as <c>_mlops/runs/&lt;run-id&gt;.json</c> in the same store as the data, each with the fingerprints of its
/// training rows beside it (<c>&lt;run-id&gt;.training-rows</c>).
/// </summary>
public sealed class RunStore(IObjectStore store)
{
    internal const string Prefix = StoreLayout.Runs;
    private const string TrainingRowsSuffix = ".training-rows";
    private readonly JsonRecords<RunRecord> _records = new(store, "Run record", ".");

    /// <summary>A new time-ordered run id: <c>yyyyMMdd-HHmmss-xxxxxxxx</c>.</summary>
    public static string NewId(TimeProvider time) =>
        time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A run id derived from an idempotency key, so re-running the same work finds the same run.</summary>
    public static string IdFor(string idempotencyKey) => "k-" + Hashing.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(idempotencyKey))[..24];

    /// <summary>Writes (or overwrites) a run.</summary>
    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _records.WriteAsync(Key(run.Id), run, cancellationToken);
    }

    /// <summary>Writes the fingerprints of the rows a run trained on, beside its record (<c>&lt;run-id&gt;.training-rows</c>).</summary>
    public Task SaveTrainingRowsAsync(string runId, RowFingerprints rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return store.PutAsync(Prefix + runId + TrainingRowsSuffix, rows.ToBytes(), cancellationToken);
    }

    /// <summary>The fingerprints of the rows a run trained on, or null when none were recorded (runs of older versions).</summary>
    public async Task<RowFingerprints?> TryGetTrainingRowsAsync(string runId, CancellationToken cancellationToken)
    {
        if (!IsValidId(runId))
            return null;
        var key = Prefix + runId + TrainingRowsSuffix;
        var bytes = await store.TryReadAllAsync(key, cancellationToken);
        return bytes is null ? null : RowFingerprints.Parse(bytes, $"{key} in {store.Location}");
    }

    /// <summary>A run by id, or null.</summary>
    public async Task<RunRecord?> TryGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
            return null;
        return await _records.TryReadAsync(Key(id), cancellationToken);
    }

    /// <summary>A run by id or unique id prefix (at least 6 characters); unknown ids are bad input.</summary>
    public async Task<RunRecord> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (await TryGetAsync(id, cancellationToken) is { } run)
            return run;
        if (id.Length >= 6 && IsValidId(id))
        {
            var matches = new List<string>();
            await foreach (var key in _records.ListKeysAsync(Prefix + id, cancellationToken))
                matches.Add(key[Prefix.Length..^".json".Length]);
            if (matches.Count == 1)
                return (await TryGetAsync(matches[0], cancellationToken))!;
            if (matches.Count > 1)
                throw new InvalidInputException($"Run id prefix '{id}' is ambiguous ({string.Join(", ", matches.Take(3))}…); give more characters.");
        }

        throw new InvalidInputException($"There is no run '{id}' in {store.Location}. 'mlops runs list' shows the runs.");
    }

    /// <summary>All runs (of one model when <paramref name="modelName"/> is given), newest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(string? modelName, CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        await foreach (var (_, run) in _records.ListAsync(Prefix, skipMalformed: false, cancellationToken))
        {
            if (modelName is null || run.ModelName == modelName)
                runs.Add(run);
        }

        return [.. runs.OrderByDescending(r => r.StartTime).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static bool IsValidId(string id) => id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static string Key(string id) => Prefix + id + ".json";
}
