namespace MlopsCi.Core.Reporting;

/// <summary>One hook's result: its id, pass/fail, a one-line summary and the first findings (file, column, rows).</summary>
public sealed record ValidationRow(string HookId, bool Passed, string Summary, IReadOnlyList<string> Findings);
