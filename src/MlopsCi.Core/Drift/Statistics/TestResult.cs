namespace MlopsCi.Core.Drift.Statistics;

/// <summary>A hypothesis test's statistic, p-value and, for chi-squared, its degrees of freedom.</summary>
internal sealed record TestResult(double Statistic, double PValue, int? DegreesOfFreedom = null);
