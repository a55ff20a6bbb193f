using System.Text.Json;
using System.Text.Json.Serialization;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Specs;

/// <summary>
/// How to train one model: task, data, label, feature columns, trainer with parameters, seed, and the key columns that
/// identify a row for the split (<see cref="Key"/>; null: the whole row). Every key keeps the line it was written on
/// (<see cref="At"/>), so an error about a value can point at it.
/// </summary>
public sealed record ModelSpec(
    string Name,
    ModelTask Task,
    ModelDataSpec Data,
    string Label,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Categorical,
    IReadOnlyList<string> Text,
    IReadOnlyList<string> Ignore,
    string Trainer,
    IReadOnlyDictionary<string, string> Params,
    int Seed,
    string? TimeColumn = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Key = null)
{
    /// <summary>
    /// Categorical columns whose values slice the evaluation rows: the primary metric per value, and per value of main
    /// against a pull request (<c>model.slices</c>). Null when none (and then left out of the hash).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Slices { get; init; }

    /// <summary>Where the <c>model:</c> section starts.</summary>
    [JsonIgnore]
    public SpecLocation Location { get; init; } = SpecLocation.None;

    /// <summary>Line of each key, by dotted name relative to <c>model</c> ("label", "data.train", "params.numberOfLeaves").</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>Where a key was written ("mlops.yml line 7"), or the section's location when unknown.</summary>
    public SpecLocation At(string key) =>
        Lines.TryGetValue(key, out var line) ? Location with { Line = line } : Location;

    /// <summary>SHA-256 of the canonical JSON of everything that determines the model (locations excluded).</summary>
    public string ComputeHash() => Hashing.Sha256Hex(ToCanonicalJson());

    /// <summary>The canonical JSON (parameters sorted by name).</summary>
    public byte[] ToCanonicalJson() =>
        JsonSerializer.SerializeToUtf8Bytes(this with { Params = new SortedDictionary<string, string>(Params.ToDictionary(), StringComparer.Ordinal) }, StoreJson.Options);
}
