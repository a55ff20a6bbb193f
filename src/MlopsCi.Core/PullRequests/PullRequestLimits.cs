namespace MlopsCi.Core.PullRequests;

/// <summary>Size limits the code host puts on what the lifecycle writes.</summary>
public static class PullRequestLimits
{
    /// <summary>The longest commit-status description GitHub accepts.</summary>
    public const int MaxDescriptionLength = 140;

    /// <summary>The longest pull-request comment body GitHub accepts.</summary>
    public const int MaxCommentLength = 65_536;

    /// <summary>Shortens a description to <see cref="MaxDescriptionLength"/> characters, ending with '…' when cut.</summary>
    public static string ShortenDescription(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return description.Length <= MaxDescriptionLength
            ? description
            : string.Concat(description.AsSpan(0, MaxDescriptionLength - 1), "…");
    }
}
