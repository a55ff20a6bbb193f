namespace MlopsCi.Core.Reporting;

/// <summary>A feature's permutation importance in the candidate and, when known, in the baseline.</summary>
public sealed record ImportanceRow(string Feature, double Candidate, double? Baseline);
