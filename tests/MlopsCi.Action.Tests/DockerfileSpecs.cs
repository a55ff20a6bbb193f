using System.Reflection.PortableExecutable;
using System.Text.Json;
using MlopsCi.Action.Tests.Container;

namespace MlopsCi.Action.Tests;

/// <summary>actions/Dockerfile and .dockerignore as written, and the image built from them on a real engine.</summary>
[Collection(ActionImageCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class DockerfileSpecs(ActionImage image) : IDisposable
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load(RepositoryRoot.Combine("actions", "Dockerfile"));
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_release_publishes_in_the_sdk_and_runs_on_the_debian_based_dotnet_runtime()
    {
        // Without --build-arg the program is published in the SDK image: what a release pushes.
        Assert.Equal("APP_SOURCE=sdk", Assert.Single(_dockerfile.GlobalArgs).Arguments);
        Assert.Equal(
            [("mcr.microsoft.com/dotnet/sdk:10.0", "app-sdk"), ("scratch", "app-host"), ("app-${APP_SOURCE}", "app"), ("mcr.microsoft.com/dotnet/aspnet:10.0", null)],
            _dockerfile.Stages.Select(s => (s.Image, s.Name)));
        Assert.Contains(_dockerfile.Stages[0].All("RUN"), r => r.Arguments.StartsWith("dotnet publish src/MlopsCi.Cli/MlopsCi.Cli.csproj -c Release", StringComparison.Ordinal) && r.Arguments.EndsWith("-o /app", StringComparison.Ordinal));
        Assert.Equal("--from=app /app /app", _dockerfile.Stages[^1].All("COPY").Single().Arguments);
    }

    [Fact]
    public void The_runtime_stage_installs_libgomp1_and_runs_as_the_default_root_user()
    {
        var runtime = _dockerfile.Stages[^1];

        Assert.Contains(runtime.All("RUN"), r => r.Arguments.Contains("apt-get install -y --no-install-recommends libgomp1", StringComparison.Ordinal));
        // The runner writes GITHUB_OUTPUT and the summary into root-owned mounted folders: no USER.
        Assert.DoesNotContain(_dockerfile.Stages.SelectMany(s => s.Instructions), i => i.Keyword == "USER");
    }

    [Fact]
    public async Task The_image_starts_the_published_program_with_the_action_command_by_default()
    {
        var inspect = await image.DockerAsync(["image", "inspect", "--format", "{{json .Config.Entrypoint}}|{{json .Config.Cmd}}|{{.Config.User}}", image.Tag]);

        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Equal("[\"/app/mlops\"]|[\"action\"]|", inspect.Out.Trim());
    }

    [Fact]
    public async Task The_image_holds_the_runtime_only_and_stays_small()
    {
        var sdks = await image.DockerAsync(["run", "--rm", "--entrypoint", "dotnet", image.Tag, "--list-sdks"]);
        var runtimes = await image.DockerAsync(["run", "--rm", "--entrypoint", "dotnet", image.Tag, "--list-runtimes"]);
        var size = await image.DockerAsync(["image", "inspect", "--format", "{{.Size}}", image.Tag]);

        Assert.True(sdks.ExitCode == 0, sdks.ToString());
        Assert.Equal("", sdks.Out.Trim());
        // The aspnet base: .NET and ASP.NET Core (mlops ui), nothing else.
        Assert.Equal(["Microsoft.AspNetCore.App 10.", "Microsoft.NETCore.App 10."],
            runtimes.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l[..(l.IndexOf(" 10.", StringComparison.Ordinal) + 4)]).Order(StringComparer.Ordinal));
        // The stand-in aspnet base is ~270 MB (the real one ~220 MB), the program ~80 MB since the verified ONNX export
        // brought ONNX Runtime's native library (34 MB), libgomp1 ~1 MB; an SDK would add ~700 MB.
        Assert.InRange(long.Parse(size.Out.Trim(), System.Globalization.CultureInfo.InvariantCulture), 100_000_000, 460_000_000);
    }

    [Fact]
    public async Task The_program_and_ml_net_are_published_ready_to_run()
    {
        var container = (await image.DockerAsync(["create", image.Tag])).Out.Trim();
        try
        {
            foreach (var name in new[] { "mlops.dll", "MlopsCi.Core.dll", "Microsoft.ML.Data.dll", "Microsoft.ML.LightGbm.dll" })
            {
                var copy = await image.DockerAsync(["cp", $"{container}:/app/{name}", _temp.Path]);
                Assert.True(copy.ExitCode == 0, copy.ToString());
                using var pe = new PEReader(File.OpenRead(_temp.Combine(name)));
                Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{name} has no ReadyToRun code");
            }
        }
        finally
        {
            await image.DockerAsync(["rm", container]);
        }
    }

    [Fact]
    public async Task LightGBM_is_published_for_the_image_platform_and_finds_the_libgomp1_the_image_installs()
    {
        var ldd = await image.DockerAsync(["run", "--rm", "--entrypoint", "ldd", image.Tag, "/app/lib_lightgbm.so"]);
        var packages = await image.DockerAsync(["run", "--rm", "--entrypoint", "dpkg-query", image.Tag, "-W", "-f", "${Package} ${Status}\\n", "libgomp1"]);

        Assert.True(ldd.ExitCode == 0, ldd.ToString());
        Assert.Matches(@"libgomp\.so\.1 => /\S+libgomp\.so\.1", ldd.Out);
        Assert.DoesNotContain("not found", ldd.Out, StringComparison.Ordinal);
        Assert.Equal("libgomp1 install ok installed", packages.Out.Trim());
    }

    [Fact]
    public async Task The_image_says_which_bases_it_was_built_from()
    {
        var labels = await image.DockerAsync(["image", "inspect", "--format", "{{json .Config.Labels}}", image.Tag]);

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(labels.Out)!;
        Assert.Contains(values["org.mlopsci.bases"], new[] { "real", "stand-in" });
        Assert.Equal("mlopsci-action", values["org.opencontainers.image.title"]);
        Assert.Equal(image.Tag.Split(':')[1], values["org.opencontainers.image.version"]);
    }

    [Fact]
    public void The_build_context_holds_the_sources_and_root_build_files_but_no_build_outputs()
    {
        var ignore = DockerIgnore.Load(RepositoryRoot.Path);

        Assert.All(["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "src/MlopsCi.Cli/MlopsCi.Cli.csproj", "src/MlopsCi.Core/Versioning/Repository.cs", "artifacts/docker/app/mlops.dll"],
            path => Assert.False(ignore.Excludes(path), path));
        Assert.All(["src/MlopsCi.Cli/bin/Release/net10.0/mlops.dll", "src/MlopsCi.Core/obj/project.assets.json", "tests/MlopsCi.Action.Tests/ActionMetadataSpecs.cs", ".git/HEAD", ".data/vega-datasets/package/data/flights-3m.parquet", ".tools/npm/package.json", "README.md", "artifacts/docker/runtime-standin-10.0.12.tar", "artifacts/test-results/x.trx"],
            path => Assert.True(ignore.Excludes(path), path));
    }
}
