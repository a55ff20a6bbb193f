namespace MlopsCi.Core.Reporting;

/// <summary>A column whose inferred type changed (e.g. numeric → text).</summary>
public sealed record ColumnTypeChange(string Column, string Before, string After);
