using MlopsCi.BuildScript.Runner;

namespace MlopsCi.BuildScript;

/// <summary>The longer steps of the solution targets, and the scripts other engineers own.</summary>
internal sealed partial class Build
{
    private const string TestServicesScript = "scripts/test-services.sh";
    private const string BenchmarkProject = "tests/MlopsCi.Benchmarks/MlopsCi.Benchmarks.csproj";
    private const string Dockerfile = "actions/Dockerfile";
    private const string DockerImageScript = "scripts/docker-image.sh";
    private const string CliProjectFile = "src/MlopsCi.Cli/MlopsCi.Cli.csproj";

    private static readonly string[] PackableProjects =
        ["src/MlopsCi.Cli/MlopsCi.Cli.csproj", "src/MlopsCi.MSBuild/MlopsCi.MSBuild.csproj"];

    // What the tests see while scripts/test-services.sh runs Ceph RGW on loopback.
    private static readonly Dictionary<string, string> TestServiceVariables = new()
    {
        ["MLOPS_TEST_S3_ENDPOINT"] = "http://127.0.0.1:7480",
        ["AWS_ACCESS_KEY_ID"] = "TESTAK",
        ["AWS_SECRET_ACCESS_KEY"] = "TESTSECRET",
    };

    // The fast lane's dotnet test filter: every spec but the classes tagged [Trait("Speed", "Slow")] (Docker, pack, Ceph,
    // kill trials, real training, browser), which need services or take seconds each.
    private const string SlowFilter = "Speed!=Slow";

    private async Task TestAsync(CancellationToken cancellationToken)
    {
        var useServices = !NoServices && !Fast && FileExists(TestServicesScript);
        if (Fast)
            Note($"--fast: the fast lane (--filter \"{SlowFilter}\"), without services.");
        else if (NoServices)
            Note("--no-services: running the tests without services.");
        else if (!useServices)
            Note($"{TestServicesScript} does not exist yet: running the tests without services.");

        try
        {
            if (useServices)
                await ScriptAsync(TestServicesScript, ["start"], cancellationToken);
            var variables = useServices ? new Dictionary<string, string>(TestServiceVariables) : null;
            if (useServices && FileExists(DockerImageScript))
            {
                // The container tests run the image built here, on the engine test-services.sh started (or DOCKER_HOST).
                await ScriptAsync(DockerImageScript, [], cancellationToken);
                variables!["DOCKER_HOST"] = DockerHost;
                variables["MLOPS_TEST_ACTION_IMAGE"] = ActionImageTag;
            }

            await DotnetAsync(
                ["test", Solution, "-c", Configuration, "--no-build", "--results-directory", "artifacts/test-results",
                    "--logger", "trx", "--logger", "console;verbosity=minimal", .. (Fast ? ["--filter", SlowFilter] : Array.Empty<string>())],
                cancellationToken,
                variables);
        }
        finally
        {
            // Also after a failed or half-done start, and not cancellable: leftover servers would outlive the build.
            if (useServices)
                await StopTestServicesAsync();
        }
    }

    private async Task StopTestServicesAsync()
    {
        try
        {
            await ScriptAsync(TestServicesScript, ["stop"], CancellationToken.None);
        }
        catch (BuildException e)
        {
            Warn($"Stopping the test services failed ({e.Message}); look for leftover ceph/radosgw/dockerd processes.");
        }
    }

    private async Task PackAsync(CancellationToken cancellationToken)
    {
        var projects = PackableProjects.Where(FileExists).ToList();
        if (projects.Count == 0)
            Note($"Nothing to pack yet: none of {string.Join(", ", PackableProjects)} exists.");
        foreach (var project in projects)
            await DotnetAsync(["pack", project, "-c", Configuration, "--no-restore", "-o", "artifacts/packages"], cancellationToken);
    }

    private async Task DockerAsync(CancellationToken cancellationToken)
    {
        if (!FileExists(Dockerfile))
            throw new BuildException($"{Dockerfile} does not exist, so there is no image to build.");
        if (!FileExists(DockerImageScript))
            throw new BuildException($"{DockerImageScript} does not exist, so the image cannot be built.");

        // The script finds the engine (DOCKER_HOST) or starts one, makes stand-in bases where none can be pulled, and tags.
        await ScriptAsync(DockerImageScript, [], cancellationToken);
    }

    /// <summary>The engine the container tests use: DOCKER_HOST, else the one scripts/docker-engine.sh starts.</summary>
    private string DockerHost =>
        Variables("DOCKER_HOST") is { Length: > 0 } host
            ? host
            : $"unix://{Variables("MLOPS_DOCKER_DIR") ?? "/tmp/mlops-docker"}/docker.sock";

    /// <summary>The tag scripts/docker-image.sh gives the image: mlopsci-action:&lt;Version of the mlops tool&gt;.</summary>
    private string ActionImageTag
    {
        get
        {
            var project = File.ReadAllText(Path.Combine(RootDirectory, CliProjectFile));
            var match = System.Text.RegularExpressions.Regex.Match(project, "<Version>([^<]+)</Version>");
            return match.Success
                ? "mlopsci-action:" + match.Groups[1].Value
                : throw new BuildException($"{CliProjectFile} has no <Version>, so the image has no tag.");
        }
    }

    private async Task BenchmarkAsync(CancellationToken cancellationToken)
    {
        if (!FileExists(BenchmarkProject))
        {
            Note($"{BenchmarkProject} does not exist yet: no benchmarks to run.");
            return;
        }

        await DotnetAsync(["run", "-c", "Release", "--project", BenchmarkProject, "--", .. (Filter is null ? Array.Empty<string>() : ["--filter", Filter])], cancellationToken);
    }

    private async Task ScriptIfPresentAsync(string script, CancellationToken cancellationToken)
    {
        if (FileExists(script))
            await ScriptAsync(script, [], cancellationToken);
        else
            Note($"{script} does not exist yet: nothing to do.");
    }
}
