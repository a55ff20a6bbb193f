namespace MlopsCi.Core.Training.Evaluation;

/// <summary>How a binary model turned scores into labels: positive when <paramref name="Column"/> is above <paramref name="Value"/>.</summary>
public sealed record BinaryThreshold(string Column, double Value);
