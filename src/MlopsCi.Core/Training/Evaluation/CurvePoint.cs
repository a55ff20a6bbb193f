namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// One point of a binary model's curve when rows scoring at least <paramref name="Threshold"/> are predicted positive:
/// ROC: <paramref name="X"/> false-positive rate, <paramref name="Y"/> true-positive rate; precision-recall:
/// <paramref name="X"/> recall, <paramref name="Y"/> precision. The first point (nothing predicted positive) has no threshold.
/// </summary>
public sealed record CurvePoint(double X, double Y, double? Threshold);
