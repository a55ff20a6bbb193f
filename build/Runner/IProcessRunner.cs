namespace MlopsCi.BuildScript.Runner;

/// <summary>Starts processes; the seam tests replace to check what a target runs.</summary>
internal interface IProcessRunner
{
    /// <summary>Runs the process to completion; cancellation kills its whole process tree.</summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken);
}
