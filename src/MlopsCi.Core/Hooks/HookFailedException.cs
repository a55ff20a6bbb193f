using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Hooks;

/// <summary>Hooks refused a commit or merge (exit 1); <see cref="Run"/> holds every result, the message names every failing hook.</summary>
public sealed class HookFailedException : OperationFailedException
{
    public HookFailedException(HookRun run)
        : base(HookRunText.FailureMessage(run)) => Run = run;

    /// <summary>The run that failed.</summary>
    public HookRun Run { get; }
}
