using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Reporting;

/// <summary>One changed file: how, its sizes, and for CSV/TSV files the row and schema differences.</summary>
public sealed record FileChange(string Path, DiffKind Kind, long? SizeBefore, long? SizeAfter, TableDiff? Table);
