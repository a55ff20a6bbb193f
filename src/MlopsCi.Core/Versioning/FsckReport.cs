namespace MlopsCi.Core.Versioning;

/// <summary>What fsck found: objects checked and every problem (key and, for blobs, the paths that use it).</summary>
public sealed record FsckReport(long Commits, long Metaranges, long Ranges, long Blobs, IReadOnlyList<string> Problems)
{
    /// <summary>Whether everything reachable verified.</summary>
    public bool Clean => Problems.Count == 0;
}
