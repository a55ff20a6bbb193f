using System.Globalization;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>Specs recorded at promotion, at <c>_mlops/specs/&lt;model&gt;/&lt;version&gt;.json</c> in the data store.</summary>
public sealed class PromotedSpecStore(IObjectStore store)
{
    private readonly JsonRecords<PromotedSpec> _records = new(store, "The promoted spec", "; delete it and pull requests are judged by the base branch's mlops.yml.");

    /// <summary>The spec recorded with a version's promotion, or null.</summary>
    public Task<PromotedSpec?> TryGetAsync(string model, int version, CancellationToken cancellationToken) =>
        _records.TryReadAsync(Key(model, version), cancellationToken);

    /// <summary>Records the spec of a promotion; a version is promoted once, so a re-run writes the same record.</summary>
    public Task SaveAsync(PromotedSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _records.WriteAsync(Key(spec.Model, spec.Version), spec, cancellationToken);
    }

    private static string Key(string model, int version) => $"{StoreLayout.PromotedSpecs}{model}/{version.ToString(CultureInfo.InvariantCulture)}.json";
}
