using MlopsCi.BuildScript.Runner;
using MlopsCi.Core.Tests;

namespace MlopsCi.BuildScript.Tests;

public sealed class SchemaSpecs
{
    [Fact]
    public void The_committed_schema_matches_the_declared_targets_and_parameters()
    {
        var root = HostContext.FindRootDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The tests run outside the repository: no .nuke/ above " + AppContext.BaseDirectory);
        var committed = File.ReadAllText(Path.Combine(root, SchemaWriter.RelativePath)).ReplaceLineEndings("\n");

        var generated = SchemaWriter.Generate(BuildModel.From(new Build()));

        Assert.True(
            committed == generated,
            $"{SchemaWriter.RelativePath} is stale: run ./build.sh --generate-schema and commit the result.");
    }

    [Fact]
    public async Task Generate_schema_writes_every_target_and_parameter()
    {
        using var root = new TempFolder(".nuke");

        var run = await HostRun.RunAsync<ChainBuild>(root.Path, ["--generate-schema"], x => x.A);

        Assert.Equal(0, run.ExitCode);
        var schema = File.ReadAllText(Path.Combine(root.Path, SchemaWriter.RelativePath));
        Assert.Contains("\"enum\": [\n        \"A\",\n        \"B\",\n        \"C\",\n        \"D\",\n        \"E\",\n        \"Paint\"\n      ]", schema, StringComparison.Ordinal);
        Assert.Contains("\"Color\": {\n          \"type\": \"string\",\n          \"description\": \"A value the specs resolve\",\n          \"default\": \"grey\"\n        }", schema, StringComparison.Ordinal);
        Assert.Contains("\"Count\": {\n          \"type\": \"integer\"", schema, StringComparison.Ordinal);
    }
}
