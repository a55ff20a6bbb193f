using System.Globalization;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Hooks;

/// <summary>
/// The run history: one JSON object per run at <c>_mlops/hook-runs/&lt;branch&gt;/&lt;time&gt;-&lt;id&gt;.json</c> in the
/// store (outside the keys gc collects). The branch is escaped so <c>a</c> and <c>a/b</c> never share a folder;
/// keys sort by time, so listing is chronological.
/// </summary>
public sealed class HookRunStore(IObjectStore store)
{
    private const string Root = StoreLayout.HookRuns;
    private readonly JsonRecords<HookRun> _records = new(store, "Hook run record", ". Delete it: it only records a past hook run.");

    /// <summary>Writes a run.</summary>
    public Task RecordAsync(HookRun run, CancellationToken cancellationToken) =>
        _records.WriteAsync(Key(run), run, cancellationToken);

    /// <summary>The newest runs of a branch first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<HookRun>> ListAsync(string branch, int max, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in _records.ListKeysAsync(Prefix(branch), cancellationToken))
            keys.Add(key);
        var runs = new List<HookRun>();
        foreach (var key in Enumerable.Reverse(keys).Take(max))
        {
            if (await _records.TryReadAsync(key, cancellationToken) is { } run)
                runs.Add(run);
        }

        return runs;
    }

    /// <summary>Every branch with recorded runs (also branches deleted since), sorted by name.</summary>
    public async Task<IReadOnlyList<string>> ListBranchesAsync(CancellationToken cancellationToken)
    {
        var branches = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync(Root, cancellationToken))
        {
            var slash = info.Key.IndexOf('/', Root.Length);
            if (slash > Root.Length)
                branches.Add(Uri.UnescapeDataString(info.Key[Root.Length..slash]));
        }

        return [.. branches];
    }

    /// <summary>The newest run of a branch, or null.</summary>
    public async Task<HookRun?> LatestAsync(string branch, CancellationToken cancellationToken) =>
        (await ListAsync(branch, 1, cancellationToken)).FirstOrDefault();

    internal static string Prefix(string branch) => Root + Uri.EscapeDataString(branch) + "/";

    internal static string Key(HookRun run) =>
        Prefix(run.Branch) + run.Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture) + "-" + run.Id + ".json";
}
