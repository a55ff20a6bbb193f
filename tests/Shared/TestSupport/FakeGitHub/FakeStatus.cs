namespace MlopsCi.Testing.FakeGitHub;

/// <summary>A commit status posted to the fake.</summary>
public sealed record FakeStatus(long Id, string Sha, string State, string? Context, string? Description, string? TargetUrl);
