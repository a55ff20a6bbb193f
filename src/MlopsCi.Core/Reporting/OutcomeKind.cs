namespace MlopsCi.Core.Reporting;

/// <summary>Where a pull request stands in the lifecycle.</summary>
public enum OutcomeKind
{
    /// <summary>Synced: data committed, candidate trained and compared; waiting for approval.</summary>
    Pending,

    /// <summary>The data commit was refused (a pre-commit hook failed); nothing was trained.</summary>
    Blocked,

    /// <summary>The data branch was merged into main and the model registered.</summary>
    Merged,

    /// <summary>The merge found paths changed on both sides; nothing was merged.</summary>
    Conflict,

    /// <summary>The merge was refused (a gate or a pre-merge hook failed).</summary>
    MergeRefused,

    /// <summary>The pull request was closed without merging; the data branch is deleted.</summary>
    Closed,
}
