using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>A gate's outcome: the values it looked at and, in words, why it passed or failed.</summary>
public sealed record GateResult(GateSpec Gate, bool Passed, double? Candidate, double? Baseline, string Reason);
