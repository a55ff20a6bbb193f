using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training;

/// <summary>
/// What scoring gets: a model file, the spec that defines the evaluation rows, and local data files. With
/// <see cref="HoldoutOnly"/> the spec's evaluation rows are scored (the test file, or the held-out split of the train
/// file); otherwise every row of <see cref="Train"/>. <see cref="Classes"/> fixes the class order of a multiclass
/// evaluation so two models' predictions are comparable.
/// </summary>
public sealed record ScoringInput(string ModelFile, ModelSpec Spec, DataFile Train, DataFile? Test, bool HoldoutOnly, string WorkDirectory, IReadOnlyList<string>? Classes = null)
{
    /// <summary>Also compute permutation importance on the scored rows (<see cref="Evaluation.Predictions.Importance"/>).</summary>
    public bool Importance { get; init; }
}
