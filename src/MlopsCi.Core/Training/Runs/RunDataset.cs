namespace MlopsCi.Core.Training.Runs;

/// <summary>One input of a run: its role (train/test), path in the data repository at <see cref="DataCommit"/>, SHA-256 digest and size.</summary>
public sealed record RunDataset(string Role, string Path, string DataCommit, string Digest, long Size);
