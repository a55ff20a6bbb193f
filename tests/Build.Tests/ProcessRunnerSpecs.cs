using MlopsCi.BuildScript.Runner;
using MlopsCi.Core.Tests;

namespace MlopsCi.BuildScript.Tests;

public sealed class ProcessRunnerSpecs
{
    [Fact]
    public async Task A_real_process_gets_the_added_variables_and_its_exit_code_is_reported()
    {
        using var root = new TempFolder(".nuke");
        var environment = new Dictionary<string, string> { ["GREETING"] = "hello" };
        var spec = OperatingSystem.IsWindows()
            ? new ProcessSpec("cmd", ["/c", "echo %GREETING%> greeting.txt & exit 3"], root.Path, environment)
            : new ProcessSpec("sh", ["-c", "echo \"$GREETING\" > greeting.txt; exit 3"], root.Path, environment);

        var result = await new ProcessRunner().RunAsync(spec, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(root.Path, "greeting.txt")).Trim());
    }

    [Fact]
    public async Task A_missing_program_is_a_build_failure_that_says_so()
    {
        var spec = new ProcessSpec("mlops-no-such-program", [], Path.GetTempPath());

        var error = await Assert.ThrowsAsync<BuildException>(() => new ProcessRunner().RunAsync(spec, CancellationToken.None));

        Assert.StartsWith("Could not start 'mlops-no-such-program'", error.Message, StringComparison.Ordinal);
    }
}
