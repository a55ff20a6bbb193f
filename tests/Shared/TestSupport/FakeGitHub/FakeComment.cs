namespace MlopsCi.Testing.FakeGitHub;

/// <summary>An issue comment held by the fake.</summary>
public sealed record FakeComment(long Id, int IssueNumber, string Body, string User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
