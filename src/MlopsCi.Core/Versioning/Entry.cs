namespace MlopsCi.Core.Versioning;

/// <summary>One file of a commit's tree: its path (forward slashes), blob hash and size.</summary>
public sealed record Entry(string Path, string Hash, long Size);
