using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using MlopsCi.Core.Tests;
using MlopsCi.Training.Tests.Support;

namespace MlopsCi.MSBuild.Tests.Support;

/// <summary>
/// Packs src/MlopsCi.MSBuild once (with a unique version, into a temporary feed), and builds copies of the sample
/// consumers against it with their own NuGet.config and an empty NUGET_PACKAGES, so no cached package can be served.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private static readonly string RepositoryRoot = typeof(PackedPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private readonly TempFolder _root = new();

    public string Root => _root.Path;

    public string Version { get; } = "0.1.0-t" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private string Feed => Path.Combine(Root, "feed");

    private string Packages => Path.Combine(Root, "packages");

    /// <summary>mlops.dll from inside the packed package (the tests drive the store with the same tool the tasks run).</summary>
    public string Tool => Path.Combine(Root, "package", "tools", "mlops", "mlops.dll");

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot, "src", "MlopsCi.MSBuild", "MlopsCi.MSBuild.csproj");
        (await DotNet.RunAsync(Root, new Dictionary<string, string>(), "pack", project, "-c", "Debug", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false", "-p:UseSharedCompilation=false"))
            .EnsureSuccess("dotnet pack " + project);
        ZipFile.ExtractToDirectory(Path.Combine(Feed, $"MlopsCi.MSBuild.{Version}.nupkg"), Path.Combine(Root, "package"));
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs the packed mlops tool.</summary>
    internal async Task<ProcessResult> MlopsAsync(string workingDirectory, params string[] arguments) =>
        await DotNet.RunAsync(workingDirectory, new Dictionary<string, string>(), ["exec", Tool, .. arguments]);

    /// <summary>A fresh data repository whose main branch holds data.csv.</summary>
    public async Task<string> NewStoreAsync(int rows = 300, int seed = 1)
    {
        var store = Path.Combine(Root, "stores", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(store);
        (await MlopsAsync(store, "data", "init", "--store", "file://" + store)).EnsureSuccess("mlops data init");
        await CommitAsync(store, rows, seed);
        return store;
    }

    /// <summary>Commits new content of data.csv to main.</summary>
    public async Task CommitAsync(string store, int rows, int seed)
    {
        var folder = Path.Combine(Root, "data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "data.csv"), SyntheticData.Binary(rows, seed));
        (await MlopsAsync(folder, "data", "commit", "main", folder, "-m", $"{rows} rows, seed {seed}", "--store", "file://" + store)).EnsureSuccess("mlops data commit");
    }

    /// <summary>How many runs the store has recorded.</summary>
    public static int RunCount(string store)
    {
        var runs = Path.Combine(store, "_mlops", "runs");
        return Directory.Exists(runs) ? Directory.GetFiles(runs, "*.json", SearchOption.AllDirectories).Length : 0;
    }

    /// <summary>A private copy of a sample consumer with a NuGet.config pointing at the temporary feed.</summary>
    public string CopyConsumer(string name)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Consumers", name);
        var target = Path.Combine(Root, "consumers", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        File.WriteAllText(Path.Combine(target, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="mlops-test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        return target;
    }

    /// <summary>A real <c>dotnet build</c> of a consumer copy, at normal verbosity so task messages are in the log.</summary>
    internal async Task<ProcessResult> BuildAsync(string consumer, string store, params string[] properties) =>
        await DotNet.RunAsync(consumer, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages },
            ["build", "-nologo", "-v:n", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:MlopsPackageVersion=" + Version, "-p:MlopsStore=file://" + store, .. properties.Select(p => "-p:" + p)]);
}
