namespace MlopsCi.MSBuild.Tests.Support;

/// <summary>What a child process did: exit code, everything it printed, and how long it took.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public ProcessResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited with {ExitCode}:\n{Output}");
}
