namespace MlopsCi.Core.PullRequests;

/// <summary>Review state names as GitHub's REST API spells them; events use the same words in lower case.</summary>
public static class ReviewStates
{
    /// <summary>The reviewer approved.</summary>
    public const string Approved = "APPROVED";

    /// <summary>The reviewer asked for changes.</summary>
    public const string ChangesRequested = "CHANGES_REQUESTED";

    /// <summary>The reviewer only commented; the reviewer's earlier decision stands.</summary>
    public const string Commented = "COMMENTED";

    /// <summary>The review was dismissed; it no longer counts.</summary>
    public const string Dismissed = "DISMISSED";

    /// <summary>The review is drafted but not submitted.</summary>
    public const string Pending = "PENDING";
}
