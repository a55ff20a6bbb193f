using System.Text.Json;

namespace MlopsCi.Core.Versioning;

/// <summary>The store's <c>repository.json</c>: format version and default branch.</summary>
public sealed record RepositoryInfo(int Format, string DefaultBranch, DateTimeOffset Created)
{
    /// <summary>The storage format this code writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Serialises the document.</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, StoreJson.Pretty);

    /// <summary>Parses the document.</summary>
    public static RepositoryInfo Parse(byte[] bytes) =>
        JsonSerializer.Deserialize<RepositoryInfo>(bytes, StoreJson.Options) ?? throw new FormatException("Empty repository.json.");
}
