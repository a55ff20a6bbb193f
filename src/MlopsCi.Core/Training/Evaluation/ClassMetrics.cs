namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// One class against the rest: <paramref name="Support"/> rows truly of the class, <paramref name="Predicted"/> rows
/// predicted as it, and precision, recall and F1 (0 when undefined, as scikit-learn's zero_division=0).
/// </summary>
public sealed record ClassMetrics(string Class, int Support, int Predicted, double Precision, double Recall, double F1);
