namespace MlopsCi.Core.Hooks;

/// <summary>
/// One thing a hook found wrong: the file, the column (null for file- or row-level findings), the rule, how many rows
/// offend (0 for findings about the file as a whole), the first few of them, and a sentence saying it all.
/// </summary>
public sealed record HookFinding(string File, string? Column, string Rule, long OffendingRows, IReadOnlyList<RowSample> Samples, string Message);
