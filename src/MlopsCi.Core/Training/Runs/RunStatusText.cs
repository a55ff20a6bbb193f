namespace MlopsCi.Core.Training.Runs;

/// <summary>How a run's state reads in a sentence: "failed: &lt;error&gt;", "is still running".</summary>
internal static class RunStatusText
{
    public static string Describe(RunRecord run) => run.Status switch
    {
        RunStatus.Failed => run.Error is null ? "failed" : $"failed: {run.Error.TrimEnd('.')}",
        RunStatus.Running => "is still running (or was interrupted)",
        _ => $"is {run.Status.ToString().ToLowerInvariant()}",
    };
}
