using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript.Tests;

/// <summary>One run of <see cref="BuildHost"/> against a test root, environment and fake processes.</summary>
internal sealed record HostRun(int ExitCode, string Output, string Error)
{
    public static async Task<HostRun> RunAsync<T>(
        string root,
        string[] args,
        Func<T, Target> defaultTarget,
        IReadOnlyDictionary<string, string>? environment = null,
        IProcessRunner? processes = null)
        where T : BuildBase, new()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new HostContext(
            root,
            name => environment?.GetValueOrDefault(name),
            output,
            error,
            processes ?? new FakeProcessRunner());
        var exitCode = await BuildHost.RunAsync(args, defaultTarget, context, CancellationToken.None);
        return new HostRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The summary row of a target, e.g. "B      Skipped ...".</summary>
    public string SummaryRow(string target) =>
        Output.Split('\n').Last(line => line.StartsWith(target + " ", StringComparison.Ordinal));
}
