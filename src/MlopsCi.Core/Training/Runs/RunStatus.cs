namespace MlopsCi.Core.Training.Runs;

/// <summary>Lifecycle of a run.</summary>
public enum RunStatus
{
    /// <summary>Started, not finished (or the process died).</summary>
    Running,

    /// <summary>Trained, evaluated and recorded.</summary>
    Finished,

    /// <summary>Stopped by an error, recorded in <see cref="RunRecord.Error"/>.</summary>
    Failed,
}
