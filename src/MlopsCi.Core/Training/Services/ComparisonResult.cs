using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Training.Services;

/// <summary>Two models compared on the same rows at a data commit; <see cref="Evaluation"/> says which rows and which were left out.</summary>
public sealed record ComparisonResult(ResolvedModel Baseline, ResolvedModel Candidate, string DataCommit, Comparison Comparison, EvaluationRows Evaluation)
{
    /// <summary>The baseline's confusion matrix on the compared rows (classification), else null.</summary>
    public ConfusionMatrix? BaselineConfusion { get; init; }

    /// <summary>The candidate's confusion matrix on the same rows (classification), else null.</summary>
    public ConfusionMatrix? CandidateConfusion { get; init; }

    /// <summary>The primary metric per slice value (<c>model.slices</c>), slices that got significantly worse first.</summary>
    public IReadOnlyList<SliceComparison> Slices { get; init; } = [];

    /// <summary>The baseline's permutation importance on the candidate's evaluation rows, when asked for.</summary>
    public IReadOnlyList<FeatureImportance>? BaselineImportance { get; init; }

    /// <summary>The candidate's permutation importance on the same rows, when asked for.</summary>
    public IReadOnlyList<FeatureImportance>? CandidateImportance { get; init; }
}
