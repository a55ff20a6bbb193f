using System.Globalization;
using MlopsCi.Cli.Hosting;

namespace MlopsCi.Cli.Tests.CommandLine;

/// <summary>Runs <c>mlops</c> in-process through <see cref="MlopsCli.RunAsync"/>, the entry the program itself calls.</summary>
internal static class InProcessMlops
{
    public static async Task<MlopsProcess.Result> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await MlopsCli.RunAsync(new Composition(), args, output, error, _ => null, workingDirectory, CancellationToken.None);
        return new MlopsProcess.Result(exitCode, output.ToString(), error.ToString());
    }
}
