namespace MlopsCi.Core.Versioning;

/// <summary>The result of a commit, merge or revert: the branch's commit afterwards, whether anything changed, and how.</summary>
public sealed record CommitOutcome(Commit Commit, bool Changed, IReadOnlyList<DiffEntry> Changes, string Kind)
{
    /// <summary>Files hashed and blobs written by a folder commit (zero otherwise).</summary>
    public TransferStats Transfer { get; init; } = TransferStats.None;
}

/// <summary>How much a commit or checkout moved.</summary>
public sealed record TransferStats(long Files, long BlobsWritten, long BytesWritten, IReadOnlyList<string> Skipped)
{
    /// <summary>Nothing moved.</summary>
    public static TransferStats None { get; } = new(0, 0, 0, []);
}
