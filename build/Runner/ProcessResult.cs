namespace MlopsCi.BuildScript.Runner;

/// <summary>How a process ended; <paramref name="Output"/> is captured only for quiet processes.</summary>
internal sealed record ProcessResult(int ExitCode, string Output);
