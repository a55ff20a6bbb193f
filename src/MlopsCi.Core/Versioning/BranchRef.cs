using System.Text.Json;

namespace MlopsCi.Core.Versioning;

/// <summary>The mutable pointer of a branch; <see cref="Version"/> grows by one with every change.</summary>
public sealed record BranchRef(string Commit, long Version, bool Protected)
{
    /// <summary>Serialises the ref.</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, StoreJson.Options);

    /// <summary>Parses a stored ref.</summary>
    public static BranchRef Parse(byte[] bytes)
    {
        var parsed = JsonSerializer.Deserialize<BranchRef>(bytes, StoreJson.Options) ?? throw new FormatException("it holds JSON null, not a branch ref");
        StoredObjects.RequireId(parsed.Commit, "commit");
        return parsed;
    }
}
