using System.Globalization;
using System.Text.Json;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Hooks;

/// <summary>
/// The run history: one JSON object per run at <c>_mlops/hook-runs/&lt;branch&gt;/&lt;time&gt;-&lt;id&gt;.json</c> in the
/// store (outside the keys gc collects). The branch is escaped so <c>a</c> and <c>a/b</c> never share a folder;
/// keys sort by time, so listing is chronological.
/// </summary>
public sealed class HookRunStore(IObjectStore store)
{
    private const string Root = "_mlops/hook-runs/";

    /// <summary>Writes a run.</summary>
    public Task RecordAsync(HookRun run, CancellationToken cancellationToken) =>
        store.PutAsync(Key(run), JsonSerializer.SerializeToUtf8Bytes(run, StoreJson.Options), cancellationToken);

    /// <summary>The newest runs of a branch first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<HookRun>> ListAsync(string branch, int max, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(Prefix(branch), cancellationToken))
            keys.Add(info.Key);
        var runs = new List<HookRun>();
        foreach (var key in Enumerable.Reverse(keys).Take(max))
        {
            if (await store.TryReadAllAsync(key, cancellationToken) is { } bytes && JsonSerializer.Deserialize<HookRun>(bytes, StoreJson.Options) is { } run)
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
