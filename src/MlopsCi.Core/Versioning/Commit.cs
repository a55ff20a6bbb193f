using System.Text.Json;
using System.Text.Json.Serialization;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// An immutable commit, addressed by the SHA-256 of its JSON (which excludes the id itself).
/// <see cref="Generation"/> is 1 + the largest parent generation, so merge bases are found without walking all history.
/// </summary>
public sealed record Commit(
    IReadOnlyList<string> Parents,
    string Metarange,
    string Message,
    string Author,
    DateTimeOffset Time,
    IReadOnlyDictionary<string, string> Metadata,
    int Generation)
{
    /// <summary>The commit id (not serialised; it is the hash of the serialised commit).</summary>
    [JsonIgnore]
    public string Id { get; init; } = "";

    /// <summary>The canonical serialisation (metadata keys sorted).</summary>
    public byte[] ToBytes() =>
        JsonSerializer.SerializeToUtf8Bytes(this with { Metadata = new SortedDictionary<string, string>(Metadata.ToDictionary(), StringComparer.Ordinal) }, StoreJson.Options);

    /// <summary>Returns this commit with its id computed.</summary>
    public Commit WithId() => this with { Id = Hashing.Sha256Hex(ToBytes()) };

    /// <summary>Parses a stored commit and sets its id.</summary>
    public static Commit Parse(string id, byte[] bytes)
    {
        var parsed = JsonSerializer.Deserialize<Commit>(bytes, StoreJson.Options) ?? throw new FormatException("it holds JSON null, not a commit");
        StoredObjects.RequireId(parsed.Metarange, "metarange");
        if (parsed.Parents is null)
            throw new FormatException("its parents are missing");
        foreach (var parent in parsed.Parents)
            StoredObjects.RequireId(parent, "parent");
        return parsed with { Id = id, Metadata = parsed.Metadata ?? new Dictionary<string, string>(), Message = parsed.Message ?? "", Author = parsed.Author ?? "" };
    }
}
