namespace MlopsCi.Core.Training;

/// <summary>A local copy of a data file, and the name to use for it in messages (its path in the data repository).</summary>
public sealed record DataFile(string LocalPath, string DisplayName);
