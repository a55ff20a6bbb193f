using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Core.Training.Services;

/// <summary>A finished run; <see cref="Reused"/> when an idempotent request found it already done (then no predictions).</summary>
public sealed record TrainingResult(RunRecord Run, Predictions? TestPredictions, bool Reused)
{
    /// <summary>The rows the new run was evaluated on (null when reused).</summary>
    public EvaluationRows? Evaluation { get; init; }
}
