namespace MlopsCi.BuildScript.Runner;

/// <summary>How a scheduled target ended.</summary>
internal enum TargetStatus
{
    Succeeded,
    Failed,

    /// <summary>Not run because a target it depends on failed or was skipped.</summary>
    Skipped,

    /// <summary>Not run because the build stopped at an earlier failure (see --continue).</summary>
    NotRun,
}
