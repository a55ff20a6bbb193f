namespace MlopsCi.MSBuild.Internal;

/// <summary>The codes of the errors the tasks log; each is documented in the README (MSBuild tasks, Errors).</summary>
internal static class ErrorCodes
{
    /// <summary>A gate of the spec failed (logged at the gate's file and line).</summary>
    public const string GateFailed = "MLOPS001";

    /// <summary>The mlops tool ran and failed (its message follows).</summary>
    public const string ToolFailed = "MLOPS002";

    /// <summary>The mlops tool or an input file could not be found.</summary>
    public const string Configuration = "MLOPS003";

    /// <summary>The mlops tool answered with output the task could not read.</summary>
    public const string UnexpectedOutput = "MLOPS004";
}
