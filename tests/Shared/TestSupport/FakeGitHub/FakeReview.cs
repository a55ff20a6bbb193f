namespace MlopsCi.Testing.FakeGitHub;

/// <summary>A pull-request review the fake serves; <see cref="State"/> as REST spells it (APPROVED …).</summary>
public sealed record FakeReview(string User, string State, string CommitId, DateTimeOffset SubmittedAt)
{
    /// <summary>Assigned by the fake when zero.</summary>
    public long Id { get; init; }
}
