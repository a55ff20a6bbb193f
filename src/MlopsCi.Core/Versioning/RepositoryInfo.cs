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
    public static RepositoryInfo Parse(byte[] bytes)
    {
        var parsed = JsonSerializer.Deserialize<RepositoryInfo>(bytes, StoreJson.Options) ?? throw new FormatException("it holds JSON null, not a repository description");
        if (string.IsNullOrEmpty(parsed.DefaultBranch) || parsed.Format <= 0)
            throw new FormatException("its format or default branch is missing");
        return parsed;
    }
}
