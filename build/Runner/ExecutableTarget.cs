namespace MlopsCi.BuildScript.Runner;

/// <summary>A declared target with its relations resolved to target names.</summary>
internal sealed record ExecutableTarget(
    string Name,
    string Description,
    int Index,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> After,
    IReadOnlyList<string> Requires,
    IReadOnlyList<Func<CancellationToken, Task>> Actions);
