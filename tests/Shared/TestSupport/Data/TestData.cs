using System.Diagnostics;

namespace MlopsCi.Training.Tests.Support;

/// <summary>
/// The real data the tests train on: vega-datasets fetched by scripts/fetch-data.sh into .data/. When it is missing the
/// script is run once; if it is still missing the tests fail (they never skip).
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> Derived = new(Fetch, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Root { get; } = FindRoot();

    /// <summary>A derived CSV (seattle-weather.csv, penguins.csv, cars.csv).</summary>
    public static string File(string name) => Path.Combine(Derived.Value, name);

    /// <summary>A file of the unpacked package (package/data/…).</summary>
    public static string PackageFile(string name)
    {
        _ = Derived.Value;
        return Path.Combine(Root, ".data/vega-datasets/package/data", name);
    }

    private static string Fetch()
    {
        var derived = Path.Combine(Root, ".data/vega-datasets/derived");
        if (!System.IO.File.Exists(Path.Combine(derived, ".complete-3.2.1")))
        {
            using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root, "scripts/fetch-data.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !System.IO.File.Exists(Path.Combine(derived, ".complete-3.2.1")))
                throw new InvalidOperationException($"The training data is missing and scripts/fetch-data.sh could not get it (exit {process.ExitCode}): {error}");
        }

        return derived;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "MlopsCi.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The tests must run inside the repository.");
    }
}
