using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Training.Services;

/// <summary>A model scored on data at a commit: metrics, the row-level predictions they came from, and which rows those were.</summary>
public sealed record EvaluationResult(ResolvedModel Model, string DataRef, string DataCommit, string Path, IReadOnlyDictionary<string, double> Metrics, Predictions Predictions, EvaluationRows Evaluation);
