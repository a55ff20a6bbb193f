namespace MlopsCi.Core.Training.Runs;

/// <summary>Well-known run tag names.</summary>
public static class RunTags
{
    /// <summary>The git commit the code and spec came from.</summary>
    public const string GitSha = "git-sha";

    /// <summary>The data ref (branch, tag or commit) the run trained on.</summary>
    public const string Ref = "ref";

    /// <summary>The source repository (owner/name).</summary>
    public const string Repository = "repository";

    /// <summary>The pull request number.</summary>
    public const string PullRequest = "pr";
}
