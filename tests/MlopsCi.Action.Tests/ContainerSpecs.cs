using MlopsCi.Action.Tests.Container;
using static MlopsCi.Action.Tests.Scenario.ActionScenario;

namespace MlopsCi.Action.Tests;

/// <summary>The image as a general <c>mlops</c> container: help, a store mounted into it, ML.NET training inside it.</summary>
[Collection(ActionImageCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class ContainerSpecs(ActionImage image)
{
    [Fact]
    public async Task Help_runs_in_the_container()
    {
        var help = await image.DockerAsync(["run", "--rm", image.Tag, "--help"]);

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("mlops", help.Out, StringComparison.Ordinal);
        Assert.Contains("pr sync", help.Out, StringComparison.Ordinal);
        Assert.Contains("--store", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_log_reads_a_store_mounted_into_the_container()
    {
        await using var s = await StartAsync(image);
        await s.CommitToMainAsync("docs/README.md", "Data dictionary");
        var store = Path.Combine(s.Checkout, ".mlops", "store");

        var log = await image.DockerAsync(["run", "--rm", "-v", $"{store}:/store:ro", image.Tag, "data", "log", "main", "--store", "/store"]);

        Assert.True(log.ExitCode == 0, log.ToString());
        var messages = log.Out.Split('\n').Select(l => l.Trim()).Where(l => l is "Update docs/README.md" or "Older period").ToList();
        Assert.Equal(["Update docs/README.md", "Older period"], messages);
    }

    [Fact]
    public async Task LightGBM_trains_in_the_container_and_cannot_without_libgomp1()
    {
        await using var s = await StartAsync(image);

        var trained = await s.ContainerAsync([], "train", "--ref", "main", "--spec", "mlops.yml");
        // The same container with libgomp.so.1 deleted: lib_lightgbm.so cannot load, so the image needs the package.
        var withoutGomp = await s.ContainerAsync(["--entrypoint", "/bin/sh"], "-c", "rm -f /usr/lib/*/libgomp.so.1* && exec /app/mlops train --ref main --spec mlops.yml");

        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.Contains("auc", trained.Out, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(0, withoutGomp.ExitCode);
        Assert.Contains("lib_lightgbm", withoutGomp.Out + withoutGomp.Error, StringComparison.Ordinal);
    }
}
