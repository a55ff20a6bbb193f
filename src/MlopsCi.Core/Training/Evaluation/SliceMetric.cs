namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// One model's <paramref name="Metric"/> on the evaluation rows whose <paramref name="Column"/> is <paramref name="Value"/>
/// (<paramref name="Rows"/> of them); <paramref name="Score"/> is null when the metric is undefined there (e.g. AUC of one class).
/// </summary>
public sealed record SliceMetric(string Column, string Value, int Rows, string Metric, double? Score);
