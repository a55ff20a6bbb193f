using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Training;

/// <summary>
/// What a trainer returns: the model file (deterministic bytes), predictions on the evaluation rows, permutation
/// importance per original column, the model's input schema, row counts and the effective trainer parameters.
/// </summary>
public sealed record TrainingOutput(
    string ModelFile,
    Predictions TestPredictions,
    IReadOnlyList<FeatureImportance> FeatureImportance,
    ModelSchema Schema,
    int TrainRows,
    IReadOnlyDictionary<string, string> Params)
{
    /// <summary>The content hashes of the rows the model trained on; null when the trainer does not record them.</summary>
    public RowFingerprints? TrainingRows { get; init; }

    /// <summary>The training data's rows without a label, left out; null when every row had one.</summary>
    public UnlabelledRows? Unlabelled { get; init; }
}
