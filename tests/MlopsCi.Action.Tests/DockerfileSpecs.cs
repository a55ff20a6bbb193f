using System.Diagnostics;
using System.Reflection.PortableExecutable;
using MlopsCi.Action.Tests.Container;

namespace MlopsCi.Action.Tests;

/// <summary>actions/Dockerfile and .dockerignore, read and (the build stage) repeated without a Docker engine.</summary>
[Collection(ActionImageCollection.Name)]
public sealed class DockerfileSpecs(ActionImage image)
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load(RepositoryRoot.Combine("actions", "Dockerfile"));

    [Fact]
    public void The_image_is_built_on_the_sdk_and_runs_on_the_debian_based_aspnet_runtime()
    {
        Assert.Equal(2, _dockerfile.Stages.Count);
        Assert.Equal(("mcr.microsoft.com/dotnet/sdk:10.0", "build"), (_dockerfile.Stages[0].Image, _dockerfile.Stages[0].Name));
        // The plain 10.0 tag is the Debian image; -alpine, -noble, -azurelinux and -chiseled tags are not.
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _dockerfile.Stages[1].Image);
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
    public void The_entrypoint_is_an_absolute_path_to_the_published_program()
    {
        var entrypoint = _dockerfile.Stages[^1].All("ENTRYPOINT").Single().ExecForm();

        Assert.Equal("/app/mlops", entrypoint[0]);
        Assert.True(File.Exists(image.Build.Entrypoint), image.Build.Entrypoint);
        Assert.Equal(["action"], image.Build.Cmd);
    }

    [Fact]
    public void The_program_and_ml_net_are_published_ready_to_run()
    {
        foreach (var name in new[] { "mlops.dll", "MlopsCi.Core.dll", "Microsoft.ML.Data.dll", "Microsoft.ML.LightGbm.dll" })
        {
            using var pe = new PEReader(File.OpenRead(image.Build.Map("/app/" + name)));
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{name} has no ReadyToRun code");
        }
    }

    [Fact]
    public async Task LightGBM_is_published_for_the_image_platform_and_needs_the_libgomp1_the_image_installs()
    {
        var lightgbm = image.Build.Map("/app/lib_lightgbm.so");
        var info = new ProcessStartInfo("ldd", [lightgbm]) { RedirectStandardOutput = true };

        using var ldd = Process.Start(info)!;
        var libraries = await ldd.StandardOutput.ReadToEndAsync();
        await ldd.WaitForExitAsync();

        Assert.Contains("libgomp.so.1", libraries, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_holds_the_sources_and_root_build_files_but_no_build_outputs()
    {
        var ignore = DockerIgnore.Load(RepositoryRoot.Path);

        Assert.All(["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "src/MlopsCi.Cli/MlopsCi.Cli.csproj", "src/MlopsCi.Core/Versioning/Repository.cs"],
            path => Assert.False(ignore.Excludes(path), path));
        Assert.All(["src/MlopsCi.Cli/bin/Release/net10.0/mlops.dll", "src/MlopsCi.Core/obj/project.assets.json", "tests/MlopsCi.Action.Tests/ActionMetadataSpecs.cs", ".git/HEAD", ".data/vega-datasets/package/data/flights-3m.parquet", ".tools/npm/package.json", "README.md"],
            path => Assert.True(ignore.Excludes(path), path));
        Assert.False(Directory.Exists(image.Build.Map("/source/src/MlopsCi.Cli/obj/Debug")));
    }
}
