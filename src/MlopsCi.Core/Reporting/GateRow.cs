namespace MlopsCi.Core.Reporting;

/// <summary>One gate: the metric, the rule as written ("max-regression 2%", "min 0.8"), whether it passed and why.</summary>
public sealed record GateRow(string Metric, string Rule, bool Passed, string Reason);
