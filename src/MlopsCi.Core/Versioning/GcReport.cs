namespace MlopsCi.Core.Versioning;

/// <summary>What gc removed and kept.</summary>
public sealed record GcReport(long Reachable, long Removed, long KeptYoung, long BytesRemoved)
{
    /// <summary>Temporary files of killed writers removed (local store).</summary>
    public long TemporaryFilesRemoved { get; init; }

    /// <summary>Their total size.</summary>
    public long TemporaryBytesRemoved { get; init; }
}
