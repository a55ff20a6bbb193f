namespace MlopsCi.BuildScript.Runner;

/// <summary>One row of the summary: a target, how it ended, how long it took, and why when it did not succeed.</summary>
internal sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string? Reason = null);
