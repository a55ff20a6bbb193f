using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Runs;

/// <summary>
/// One training run, shaped like an MLflow run: id, status (and error), times, parameters, metrics, tags, dataset
/// inputs with digests, spec and its hash, model blob hash, permutation importance and environment.
/// Stored as <c>_mlops/runs/&lt;id&gt;.json</c>.
/// </summary>
public sealed record RunRecord(
    string Id,
    string ModelName,
    RunStatus Status,
    string? Error,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Tags,
    string DataRef,
    string DataCommit,
    IReadOnlyList<RunDataset> Datasets,
    string SpecHash,
    ModelSpec Spec,
    string? ModelHash,
    ModelSchema? Schema,
    IReadOnlyList<FeatureImportance> FeatureImportance,
    RunEnvironment Environment,
    int TrainRows,
    int TestRows)
{
    /// <summary>Where the model goes wrong on its evaluation rows (confusion matrix, curves, slices); null in runs recorded before it was.</summary>
    public Evaluation.ErrorAnalysis? Analysis { get; init; }

    /// <summary>
    /// The evaluation rows: how many were scored, left out as seen in training, or dropped without a label, with the
    /// warning under <see cref="Evaluation.EvaluationRows.FewRows"/> rows; null in runs recorded before it was (and then left out of the JSON).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Evaluation.EvaluationRows? Evaluation { get; init; }

    /// <summary>The training data's rows without a label, left out of training and evaluation; null when every row had one (then left out of the JSON).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public UnlabelledRows? Unlabelled { get; init; }

    /// <summary>The idempotency key the run was started with, when any.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Seconds from start to end, when ended.</summary>
    public double? DurationSeconds => EndTime is { } end ? (end - StartTime).TotalSeconds : null;

    /// <summary>A tag's value, or null.</summary>
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
}
