namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// How many evaluation rows one compared model trained on (<paramref name="Seen"/>; null when the model's run has no
/// training-row fingerprints, e.g. a run recorded before they were).
/// </summary>
public sealed record ModelOverlap(string Role, string Model, int? Seen);
