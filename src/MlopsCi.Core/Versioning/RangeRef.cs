namespace MlopsCi.Core.Versioning;

/// <summary>A metarange's pointer to one immutable range: its id, first and last path, entry count and bytes of data.</summary>
public sealed record RangeRef(string Id, string First, string Last, int Count, long Bytes);
