using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Training.Services;

/// <summary>Two models compared on the same rows at a data commit.</summary>
public sealed record ComparisonResult(ResolvedModel Baseline, ResolvedModel Candidate, string DataCommit, Comparison Comparison);
