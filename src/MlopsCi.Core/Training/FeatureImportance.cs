namespace MlopsCi.Core.Training;

/// <summary>
/// Permutation importance of one original column: how much the primary metric gets worse (positive = the model relies
/// on it) when the column's values are shuffled across the evaluation rows.
/// </summary>
public sealed record FeatureImportance(string Feature, double Importance);
