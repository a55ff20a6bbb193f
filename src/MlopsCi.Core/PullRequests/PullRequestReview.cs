namespace MlopsCi.Core.PullRequests;

/// <summary>One review of a pull request.</summary>
/// <param name="Id">The review id.</param>
/// <param name="User">The reviewer's login.</param>
/// <param name="State">
/// The review state as the host spells it: <c>APPROVED</c>, <c>CHANGES_REQUESTED</c>, <c>COMMENTED</c>,
/// <c>DISMISSED</c>, <c>PENDING</c> (REST) or lower case (webhook events). Compare ignoring case.
/// </param>
/// <param name="CommitId">The commit the review was made on.</param>
/// <param name="SubmittedAt">When it was submitted; null for a pending review.</param>
public sealed record PullRequestReview(
    long Id,
    string User,
    string State,
    string? CommitId,
    DateTimeOffset? SubmittedAt);
