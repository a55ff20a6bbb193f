using System.Globalization;
using System.Text.Json;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>Specs recorded at promotion, at <c>_mlops/specs/&lt;model&gt;/&lt;version&gt;.json</c> in the data store.</summary>
public sealed class PromotedSpecStore(IObjectStore store)
{
    private const string Prefix = "_mlops/specs/";

    /// <summary>The spec recorded with a version's promotion, or null.</summary>
    public async Task<PromotedSpec?> TryGetAsync(string model, int version, CancellationToken cancellationToken)
    {
        var key = Key(model, version);
        var bytes = await store.TryReadAllAsync(key, cancellationToken);
        if (bytes is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<PromotedSpec>(bytes, StoreJson.Options);
        }
        catch (JsonException e)
        {
            throw new CorruptionException($"The promoted spec {key} in {store.Location} is not valid JSON ({e.Message}); delete it and pull requests are judged by the base branch's mlops.yml.", [key]);
        }
    }

    /// <summary>Records the spec of a promotion; a version is promoted once, so a re-run writes the same record.</summary>
    public Task SaveAsync(PromotedSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return store.PutAsync(Key(spec.Model, spec.Version), JsonSerializer.SerializeToUtf8Bytes(spec, StoreJson.Options), cancellationToken);
    }

    private static string Key(string model, int version) => $"{Prefix}{model}/{version.ToString(CultureInfo.InvariantCulture)}.json";
}
