using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript.Tests;

public sealed class ProcessRunnerSpecs
{
    [Fact]
    public async Task The_exit_code_and_quiet_output_of_a_real_process_are_reported()
    {
        var spec = OperatingSystem.IsWindows()
            ? new ProcessSpec("cmd", ["/c", "echo %GREETING% & exit 3"], Path.GetTempPath(), new Dictionary<string, string> { ["GREETING"] = "hello" }, Quiet: true)
            : new ProcessSpec("sh", ["-c", "echo \"$GREETING\"; exit 3"], Path.GetTempPath(), new Dictionary<string, string> { ["GREETING"] = "hello" }, Quiet: true);

        var result = await new ProcessRunner().RunAsync(spec, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello", result.Output.Trim());
    }

    [Fact]
    public async Task A_missing_program_is_a_build_failure_that_says_so()
    {
        var spec = new ProcessSpec("mlops-no-such-program", [], Path.GetTempPath());

        var error = await Assert.ThrowsAsync<BuildException>(() => new ProcessRunner().RunAsync(spec, CancellationToken.None));

        Assert.StartsWith("Could not start 'mlops-no-such-program'", error.Message, StringComparison.Ordinal);
    }
}
