namespace MlopsCi.BuildScript.Runner;

/// <summary>How a process ended.</summary>
internal sealed record ProcessResult(int ExitCode);
