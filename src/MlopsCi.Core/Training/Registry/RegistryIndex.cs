namespace MlopsCi.Core.Training.Registry;

/// <summary>
/// The per-model counter (<c>_mlops/models/&lt;name&gt;/index.json</c>): the next version number and which run got which
/// version. Changed only by compare-and-swap, so concurrent registrations never share a number and a run never gets two.
/// </summary>
internal sealed record RegistryIndex(int Next, IReadOnlyDictionary<string, int> Runs)
{
    public static RegistryIndex Empty { get; } = new(1, new Dictionary<string, int>());
}
