namespace MlopsCi.Core.Versioning;

/// <summary>What a repository needs from its surroundings: a clock, the author name, and optional validation.</summary>
public sealed record RepositoryOptions(TimeProvider Time, string Author, ICommitValidator? Validator = null)
{
    /// <summary>
    /// Options from the environment: author from MLOPS_AUTHOR, else <paramref name="ciActor"/> (the CI's user, which the
    /// CI's adapter reads, e.g. GITHUB_ACTOR), else USER.
    /// </summary>
    public static RepositoryOptions FromEnvironment(Func<string, string?> environment, ICommitValidator? validator = null, string? ciActor = null) =>
        new(TimeProvider.System, environment("MLOPS_AUTHOR") ?? ciActor ?? environment("USER") ?? "mlops", validator);
}
