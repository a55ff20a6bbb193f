using System.Text.Json;
using MlopsCi.Core.Storage;

namespace MlopsCi.Core.Versioning;

/// <summary>The root of a commit's tree: the ordered list of its ranges. Its id is the SHA-256 of its JSON.</summary>
public sealed record Metarange(IReadOnlyList<RangeRef> Ranges)
{
    /// <summary>The tree with no entries.</summary>
    public static Metarange Empty { get; } = new([]);

    /// <summary>Entries in the tree.</summary>
    public long EntryCount => Ranges.Sum(r => (long)r.Count);

    /// <summary>Bytes of data the tree refers to.</summary>
    public long TotalBytes => Ranges.Sum(r => r.Bytes);

    /// <summary>The canonical serialisation.</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, StoreJson.Options);

    /// <summary>The content address of this metarange.</summary>
    public string ComputeId() => Hashing.Sha256Hex(ToBytes());

    /// <summary>Parses a stored metarange.</summary>
    public static Metarange Parse(byte[] bytes)
    {
        var parsed = JsonSerializer.Deserialize<Metarange>(bytes, StoreJson.Options) ?? throw new FormatException("it holds JSON null, not a metarange");
        if (parsed.Ranges is null)
            throw new FormatException("its ranges are missing");
        foreach (var range in parsed.Ranges)
        {
            StoredObjects.RequireId(range?.Id, "range id");
            if (range!.First is null || range.Last is null)
                throw new FormatException($"range {range.Id[..12]}… has no first or last path");
        }

        return parsed;
    }
}
