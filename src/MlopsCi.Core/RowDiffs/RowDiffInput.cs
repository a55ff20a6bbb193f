namespace MlopsCi.Core.RowDiffs;

/// <summary>One version of a table: its path (which picks the format; <c>.gz</c> is decompressed), a way to open it, and its size when known (to size the spill partitions).</summary>
public sealed record RowDiffInput(string Path, Func<CancellationToken, Task<Stream>> Open, long? Size = null);
