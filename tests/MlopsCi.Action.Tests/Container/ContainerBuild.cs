using System.Diagnostics;

namespace MlopsCi.Action.Tests.Container;

/// <summary>
/// Does what <c>docker build -f actions/Dockerfile .</c> does, without a Docker engine: the build stage's WORKDIR and COPY
/// (from the repository root as context, honouring .dockerignore) into a scratch root file system, then its
/// <c>RUN dotnet publish …</c> exactly as written, with only the output folder mapped into that scratch root. The runtime
/// stage is read, not run: its ENV, ENTRYPOINT, CMD and packages are what the runner's container would have.
/// Any other instruction in the build stage fails the build, so the emulation cannot silently drift from the Dockerfile.
/// </summary>
internal sealed class ContainerBuild
{
    private ContainerBuild(string rootFileSystem, Dockerfile dockerfile, TimeSpan publishTime)
    {
        RootFileSystem = rootFileSystem;
        Dockerfile = dockerfile;
        PublishTime = publishTime;
    }

    public string RootFileSystem { get; }

    public Dockerfile Dockerfile { get; }

    public TimeSpan PublishTime { get; }

    public DockerStage Runtime => Dockerfile.Stages[^1];

    /// <summary>The image's ENTRYPOINT with its absolute path mapped into the scratch root.</summary>
    public string Entrypoint => Map(Runtime.All("ENTRYPOINT").Last().ExecForm()[0]);

    /// <summary>The image's CMD (the default arguments).</summary>
    public IReadOnlyList<string> Cmd => Runtime.All("CMD").LastOrDefault()?.ExecForm() ?? [];

    /// <summary>The runtime stage's ENV values.</summary>
    public IReadOnlyDictionary<string, string> Environment => Runtime.All("ENV")
        .SelectMany(e => e.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => p[0], p => p[1].Trim('"'), StringComparer.Ordinal);

    /// <summary>The file system path of a path inside the image.</summary>
    public string Map(string containerPath) =>
        Path.IsPathRooted(containerPath) ? Path.Combine(RootFileSystem, containerPath.TrimStart('/')) : throw new InvalidOperationException($"'{containerPath}' is not absolute.");

    public static async Task<ContainerBuild> BuildAsync(string contextRoot, string dockerfilePath, string rootFileSystem)
    {
        var dockerfile = Dockerfile.Load(dockerfilePath);
        var build = new ContainerBuild(rootFileSystem, dockerfile, TimeSpan.Zero);
        var ignore = DockerIgnore.Load(contextRoot);
        var workdir = "/";
        var watch = new Stopwatch();
        foreach (var instruction in dockerfile.Stages[0].Instructions)
        {
            switch (instruction.Keyword)
            {
                case "WORKDIR":
                    workdir = instruction.Arguments.StartsWith('/') ? instruction.Arguments : Path.Combine(workdir, instruction.Arguments);
                    Directory.CreateDirectory(build.Map(workdir));
                    break;
                case "COPY":
                    var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var destination = build.Map(words[^1].StartsWith('/') ? words[^1] : Path.Combine(workdir, words[^1]));
                    foreach (var source in words[..^1])
                        Copy(contextRoot, source.TrimEnd('/'), destination, ignore);
                    break;
                case "RUN":
                    watch.Start();
                    await PublishAsync(build, instruction, build.Map(workdir));
                    watch.Stop();
                    break;
                default:
                    throw new NotSupportedException($"actions/Dockerfile line {instruction.Line}: the test cannot emulate {instruction.Keyword} in the build stage; extend ContainerBuild.");
            }
        }

        return new ContainerBuild(rootFileSystem, dockerfile, watch.Elapsed);
    }

    /// <summary>The arguments of the build stage's <c>dotnet publish</c>, with the output folder mapped.</summary>
    public static IReadOnlyList<string> PublishArguments(DockerInstruction run, Func<string, string> map)
    {
        var words = run.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != "dotnet" || words[1] != "publish" || words.Any(w => w.IndexOfAny(['"', '\'', '$', '&', '|', ';']) >= 0))
            throw new NotSupportedException($"actions/Dockerfile line {run.Line}: the build stage's RUN must be one plain 'dotnet publish …' for the test to repeat it, not: {run.Arguments}");
        var args = words[1..].ToList();
        var output = args.IndexOf("-o");
        if (output < 0 || output + 1 >= args.Count)
            throw new NotSupportedException($"actions/Dockerfile line {run.Line}: 'dotnet publish' needs -o <absolute folder>.");
        args[output + 1] = map(args[output + 1]);
        return args;
    }

    private static async Task PublishAsync(ContainerBuild build, DockerInstruction run, string workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in PublishArguments(run, build.Map))
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // The SDK image builds from a clean state: no build server from the test host's builds.
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'dotnet {string.Join(' ', info.ArgumentList)}' failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    private static void Copy(string contextRoot, string source, string destination, DockerIgnore ignore)
    {
        var full = Path.Combine(contextRoot, source);
        if (File.Exists(full))
        {
            if (ignore.Excludes(source))
                throw new InvalidOperationException($"COPY {source}: .dockerignore leaves it out of the context, so docker build would fail.");
            var target = destination.EndsWith('/') || Directory.Exists(destination) ? Path.Combine(destination, Path.GetFileName(source)) : destination;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(full, target, overwrite: true);
            return;
        }

        if (!Directory.Exists(full))
            throw new InvalidOperationException($"COPY {source}: not in the build context {contextRoot}.");
        foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(contextRoot, file).Replace('\\', '/');
            if (ignore.Excludes(relative))
                continue;
            var target = Path.Combine(destination, Path.GetRelativePath(full, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
