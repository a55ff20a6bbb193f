namespace MlopsCi.Core.Training;

/// <summary>
/// The training port: trains a model from local data files per spec, scores a model on rows, exports it. The ML.NET
/// adapter implements it; bad data or a bad spec is an <see cref="Errors.InvalidInputException"/> naming the file,
/// line, column or row.
/// </summary>
public interface ITrainer
{
    /// <summary>Library name → version, recorded with every run.</summary>
    IReadOnlyDictionary<string, string> Packages { get; }

    /// <summary>Trains and evaluates on the spec's evaluation rows.</summary>
    Task<TrainingOutput> TrainAsync(TrainingInput input, CancellationToken cancellationToken);

    /// <summary>Scores a model file on rows and returns row-level predictions.</summary>
    Task<Evaluation.Predictions> ScoreAsync(ScoringInput input, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every row of the input with the model's prediction (label, score, probabilities) to
    /// <see cref="PredictionInput.Output"/>, streaming; returns the number of rows.
    /// </summary>
    Task<long> PredictAsync(PredictionInput input, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the model as ONNX to <see cref="OnnxExportInput.Destination"/> only when the ONNX model, run by an ONNX
    /// runtime on the spec's evaluation rows, gives the model's own predictions; otherwise an
    /// <see cref="Errors.OperationFailedException"/> saying why and what to do, and nothing is written.
    /// </summary>
    Task<OnnxCheck> ExportOnnxAsync(OnnxExportInput input, CancellationToken cancellationToken);
}
