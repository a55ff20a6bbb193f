namespace MlopsCi.Core.Reporting;

/// <summary>One column's drift: PSI, the statistical test's p-value when one ran (KS or χ²), and what moved ("median 12.1 → 14.0").</summary>
public sealed record DriftRow(string Column, string Kind, double Psi, string? Test, double? PValue, bool Drifted, string? Detail = null);
