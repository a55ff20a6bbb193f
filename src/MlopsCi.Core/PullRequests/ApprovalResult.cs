namespace MlopsCi.Core.PullRequests;

/// <summary>The outcome of <see cref="ApprovalPolicy.Evaluate"/>.</summary>
/// <param name="Approved">True when at least the required number of reviewers approve the head commit.</param>
/// <param name="Count">How many reviewers approve the head commit.</param>
/// <param name="Required">How many approvals were required.</param>
/// <param name="Approvers">The logins that approve the head commit, sorted.</param>
/// <param name="Reason">A sentence for people: the count and why others do not count.</param>
public sealed record ApprovalResult(
    bool Approved,
    int Count,
    int Required,
    IReadOnlyList<string> Approvers,
    string Reason);
