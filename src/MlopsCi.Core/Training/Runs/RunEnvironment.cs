using System.Runtime.InteropServices;

namespace MlopsCi.Core.Training.Runs;

/// <summary>Where a run ran: OS, runtime, CPU count and the versions of the libraries that trained it.</summary>
public sealed record RunEnvironment(string Os, string Runtime, int CpuCount, IReadOnlyDictionary<string, string> Packages)
{
    /// <summary>This process's environment plus <paramref name="packages"/>.</summary>
    public static RunEnvironment Current(IReadOnlyDictionary<string, string> packages)
    {
        var all = new SortedDictionary<string, string>(packages.ToDictionary(), StringComparer.Ordinal)
        {
            ["MlopsCi"] = typeof(RunEnvironment).Assembly.GetName().Version?.ToString() ?? "0.0.0",
        };
        return new RunEnvironment(RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Environment.ProcessorCount, all);
    }
}
