namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>How the pull-request flow names commits in its log lines, statuses and messages.</summary>
internal static class FlowText
{
    /// <summary>The first 12 characters of a commit id or git sha.</summary>
    public static string Short(string id) => id.Length <= 12 ? id : id[..12];
}
