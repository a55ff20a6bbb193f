using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace MlopsCi.Cli.Hosting;

/// <summary>
/// <c>--version</c>: mlops's own informational version, whichever assembly hosts it (System.CommandLine's default
/// reads the entry assembly's, the test host's when a test runs mlops in-process).
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");
        return 0;
    }
}
