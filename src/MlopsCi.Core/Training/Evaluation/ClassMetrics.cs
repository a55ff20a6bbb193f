using System.Text.Json.Serialization;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// One class against the rest: <paramref name="Support"/> rows truly of the class, <paramref name="Predicted"/> rows
/// predicted as it, and precision, recall and F1 (0 when undefined, as scikit-learn's zero_division=0; the
/// <c>Defined…</c> members say which are, for showing "-" instead).
/// </summary>
public sealed record ClassMetrics(string Class, int Support, int Predicted, double Precision, double Recall, double F1)
{
    /// <summary>Precision, or null for a class never predicted.</summary>
    [JsonIgnore]
    public double? DefinedPrecision => Predicted > 0 ? Precision : null;

    /// <summary>Recall, or null for a class without rows.</summary>
    [JsonIgnore]
    public double? DefinedRecall => Support > 0 ? Recall : null;

    /// <summary>F1, or null for a class without rows that is never predicted (nothing to score).</summary>
    [JsonIgnore]
    public double? DefinedF1 => Seen ? F1 : null;

    /// <summary>Whether the class has rows or predictions at all.</summary>
    [JsonIgnore]
    public bool Seen => Support > 0 || Predicted > 0;
}
