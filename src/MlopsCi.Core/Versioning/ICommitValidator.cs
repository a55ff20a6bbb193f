namespace MlopsCi.Core.Versioning;

/// <summary>When a validator runs: before a commit lands on a branch, or before a merge lands on its destination.</summary>
public enum HookEvent
{
    /// <summary>Before a commit.</summary>
    PreCommit,

    /// <summary>Before a merge (evaluated on the merge result).</summary>
    PreMerge,
}

/// <summary>
/// What a validator sees: the event, the branch, the commit whose rules apply, and the change. Rules that compare with
/// the destination read <see cref="Destination"/> (default <see cref="Before"/>: the branch the change lands on);
/// freshness measures from <see cref="CommitTime"/> (default: when the hooks run).
/// </summary>
public sealed record ValidationContext(
    HookEvent Event,
    string Branch,
    Commit RulesCommit,
    Metarange Before,
    Metarange After,
    IReadOnlyList<DiffEntry> Changes,
    Repository Repository)
{
    /// <summary>The tree destination-relative rules compare with; null: <see cref="Before"/>.</summary>
    public Metarange? Destination { get; init; }

    /// <summary>The time of the commit being judged; null: now.</summary>
    public DateTimeOffset? CommitTime { get; init; }
}

/// <summary>Validates a change before it lands (data quality hooks). Throw an <see cref="Errors.OperationFailedException"/> to block it.</summary>
public interface ICommitValidator
{
    /// <summary>Validates; returns normally to allow the change.</summary>
    Task ValidateAsync(ValidationContext context, CancellationToken cancellationToken);
}
