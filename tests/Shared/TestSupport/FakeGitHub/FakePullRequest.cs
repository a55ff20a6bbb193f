namespace MlopsCi.Testing.FakeGitHub;

/// <summary>A pull request the fake serves. <see cref="HeadRepository"/> null means the base repository (not a fork).</summary>
public sealed record FakePullRequest(int Number, string HeadSha)
{
    public string Title { get; init; } = $"Pull request {Number}";

    public string HeadRef { get; init; } = "feature";

    public string BaseRef { get; init; } = "main";

    /// <summary>The head commit of the base branch.</summary>
    public string BaseSha { get; init; } = "0000000000000000000000000000000000000000";

    public string State { get; init; } = "open";

    public bool Merged { get; init; }

    public string Author { get; init; } = "octocat";

    public string? HeadRepository { get; init; }
}
