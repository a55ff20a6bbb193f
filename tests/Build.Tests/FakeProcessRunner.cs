using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript.Tests;

/// <summary>Records every process a target starts; the exit code of each comes from <see cref="ExitCodes"/>.</summary>
internal sealed class FakeProcessRunner : IProcessRunner
{
    private readonly List<ProcessSpec> _started = [];

    public IReadOnlyList<ProcessSpec> Started => _started;

    /// <summary>Exit code for a process, by its command line; 0 when this returns null.</summary>
    public Func<ProcessSpec, int?> ExitCodes { get; set; } = _ => null;

    /// <summary>The command lines without the dotnet path, for short assertions ("dotnet build ...").</summary>
    public IReadOnlyList<string> Commands => _started
        .Select(s => (Path.GetFileNameWithoutExtension(s.FileName) == "dotnet" ? "dotnet" : s.FileName) + " " + string.Join(' ', s.Arguments))
        .ToList();

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        _started.Add(spec);
        return Task.FromResult(new ProcessResult(ExitCodes(spec) ?? 0));
    }
}
