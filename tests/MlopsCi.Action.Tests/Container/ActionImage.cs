using System.Diagnostics;

namespace MlopsCi.Action.Tests.Container;

/// <summary>
/// The action's image on a real Docker engine: the one <c>./build.sh Test</c> built (MLOPS_TEST_ACTION_IMAGE, on
/// DOCKER_HOST), else built here by scripts/docker-image.sh, which starts an engine when none answers. No engine, no
/// image: the fixture fails, so every container test fails rather than being skipped.
/// </summary>
public sealed class ActionImage : IAsyncLifetime
{
    private string? _tag;
    private string? _host;

    /// <summary>The image's tag (<c>mlopsci-action:&lt;version&gt;</c>).</summary>
    public string Tag => _tag ?? throw new InvalidOperationException("The image is not built yet.");

    /// <summary>The engine's socket on this host (the runner mounts its own as /var/run/docker.sock), if a unix socket.</summary>
    public string? SocketPath => _host is { } host && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : null;

    /// <summary>The Docker CLI: Debian's, the engine's own version, when installed.</summary>
    public static string Cli { get; } = File.Exists("/usr/bin/docker") ? "/usr/bin/docker" : "docker";

    public async Task InitializeAsync()
    {
        _host = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : null;
        _tag = Environment.GetEnvironmentVariable("MLOPS_TEST_ACTION_IMAGE") is { Length: > 0 } given ? given : null;
        if (_tag is null)
        {
            var build = await RunScriptAsync("docker-image.sh");
            _tag = build.Out.Trim().Split('\n')[^1];
        }

        _host ??= (await RunScriptAsync("docker-engine.sh", "host")).Out.Trim();
        var inspect = await DockerAsync(["image", "inspect", "--format", "{{.Id}}", Tag]);
        if (inspect.ExitCode != 0)
            throw new InvalidOperationException($"The image {Tag} is not on the engine {_host}: {inspect}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs the Docker CLI against the engine; <paramref name="environment"/> adds variables (for <c>-e NAME</c>).</summary>
    public async Task<DockerResult> DockerAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(Cli) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        if (_host is not null)
            info.Environment["DOCKER_HOST"] = _host;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(cancel.Token);
        return new DockerResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task<DockerResult> RunScriptAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(RepositoryRoot.Combine("scripts", arguments[0]));
        foreach (var argument in arguments[1..])
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(25));
        await process.WaitForExitAsync(cancel.Token);
        var result = new DockerResult(process.ExitCode, await stdout, await stderr);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"scripts/{string.Join(' ', arguments)} failed: {result}");
    }
}

/// <summary>A finished Docker CLI run.</summary>
public sealed record DockerResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Test classes that run the built image share one fixture (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ActionImageCollection : ICollectionFixture<ActionImage>
{
    public const string Name = "action image";
}
