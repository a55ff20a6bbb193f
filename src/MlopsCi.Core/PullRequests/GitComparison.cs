namespace MlopsCi.Core.PullRequests;

/// <summary>How two git commits relate, as the code host's compare API says (<c>base...head</c>).</summary>
/// <param name="MergeBaseSha">The best common ancestor of base and head.</param>
/// <param name="Status">How head relates to base: <c>identical</c>, <c>ahead</c>, <c>behind</c> or <c>diverged</c>.</param>
public sealed record GitComparison(string MergeBaseSha, string Status)
{
    /// <summary>Whether base is head or one of its ancestors (head is ahead of it or identical).</summary>
    public bool BaseIsAncestorOfHead => Status is "ahead" or "identical";
}
