namespace MlopsCi.Core.Versioning;

/// <summary>What a repository needs from its surroundings: a clock, the author name, and optional validation.</summary>
public sealed record RepositoryOptions(TimeProvider Time, string Author, ICommitValidator? Validator = null)
{
    /// <summary>Options from the environment: author from MLOPS_AUTHOR, GITHUB_ACTOR or USER.</summary>
    public static RepositoryOptions FromEnvironment(Func<string, string?> environment, ICommitValidator? validator = null) =>
        new(TimeProvider.System, environment("MLOPS_AUTHOR") ?? environment("GITHUB_ACTOR") ?? environment("USER") ?? "mlops", validator);
}
