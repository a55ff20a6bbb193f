namespace MlopsCi.Core.PullRequests;

/// <summary>The state of a commit status.</summary>
public enum CommitStatusState
{
    /// <summary>Checks are still running.</summary>
    Pending,

    /// <summary>Every gate passed.</summary>
    Success,

    /// <summary>A gate failed.</summary>
    Failure,

    /// <summary>The pipeline itself failed.</summary>
    Error,
}
