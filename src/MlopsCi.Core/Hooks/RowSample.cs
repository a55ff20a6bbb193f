namespace MlopsCi.Core.Hooks;

/// <summary>An offending row: its 1-based data row number, the line where it starts in a text file (else null), and the value (null for a null cell).</summary>
public sealed record RowSample(long Row, long? Line, string? Value);
