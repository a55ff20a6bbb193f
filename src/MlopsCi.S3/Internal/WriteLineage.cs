namespace MlopsCi.S3.Internal;

/// <summary>
/// Who wrote a version and who wrote the versions before it, kept in object metadata by conditional writes, so a
/// writer whose request failed ambiguously (timeout, reset, 5xx) can tell whether it landed even after other writers
/// built on it. Ids are per write call; <see cref="History"/> is most recent first and bounded.
/// </summary>
/// <param name="WriteId">The id of the write that stored this version; null when written without lineage.</param>
/// <param name="History">Ids of the writes that stored the previous versions, most recent first.</param>
/// <param name="Complete">True when <see cref="History"/> reaches back to the version's creation.</param>
/// <param name="PreviousTag">The ETag this version replaced ("none" for a creation), when recorded.</param>
internal sealed record WriteLineage(string? WriteId, IReadOnlyList<string> History, bool Complete, string? PreviousTag)
{
    public const string WriteIdHeader = "x-amz-meta-mlops-write-id";
    public const string HistoryHeader = "x-amz-meta-mlops-history";
    public const string PreviousTagHeader = "x-amz-meta-mlops-prev-etag";
    public const int MaxHistory = 16;
    private const string Truncated = "?";

    public static WriteLineage None { get; } = new(null, [], false, null);

    /// <summary>The lineage of a new version written by <paramref name="writeId"/> over <paramref name="replaced"/> (null: a creation).</summary>
    public static WriteLineage Next(string writeId, string? expectedTag, WriteLineage? replaced)
    {
        if (expectedTag is null)
            return new WriteLineage(writeId, [], true, "none");
        if (replaced?.WriteId is not { } previousId)
            return new WriteLineage(writeId, [], false, expectedTag);
        var history = new[] { previousId }.Concat(replaced.History).ToList();
        var complete = replaced.Complete && history.Count <= MaxHistory;
        return new WriteLineage(writeId, history.Take(MaxHistory).ToList(), complete, expectedTag);
    }

    public static WriteLineage Parse(string? writeId, string? history, string? previousTag)
    {
        if (string.IsNullOrEmpty(writeId))
            return None;
        var ids = (history ?? Truncated).Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        var complete = ids.Count == 0 || ids[^1] != Truncated;
        if (!complete)
            ids.RemoveAt(ids.Count - 1);
        return new WriteLineage(writeId, ids, complete, previousTag);
    }

    public string HistoryValue => string.Join(",", Complete ? History : History.Append(Truncated));

    /// <summary>Whether the write <paramref name="id"/> stored this version or one before it (as far as known).</summary>
    public bool Includes(string id) => WriteId == id || History.Contains(id);

    /// <summary>Position of <paramref name="id"/> in [this version, previous …], or -1.</summary>
    public int IndexOf(string id) => WriteId == id ? 0 : History.ToList().IndexOf(id) is var i and >= 0 ? i + 1 : -1;
}
