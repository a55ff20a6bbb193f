using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Training.Services;

/// <summary>A model scored on data at a commit: metrics and the row-level predictions they came from.</summary>
public sealed record EvaluationResult(ResolvedModel Model, string DataRef, string DataCommit, string Path, IReadOnlyDictionary<string, double> Metrics, Predictions Predictions);
