namespace MlopsCi.Core.Reporting;

/// <summary>One column's drift: PSI, and the statistical test's p-value when one ran (KS or chi-squared).</summary>
public sealed record DriftRow(string Column, string Kind, double Psi, string? Test, double? PValue, bool Drifted);
