using System.Xml.Linq;
using MlopsCi.Action.Tests.Runner;

namespace MlopsCi.Action.Tests;

/// <summary>action.yml: the inputs and outputs the entrypoint implements, and the image it runs.</summary>
public sealed class ActionMetadataSpecs
{
    private readonly ActionMetadata _action = ActionMetadata.Load(RepositoryRoot.Combine("action.yml"));

    [Fact]
    public void The_inputs_are_the_ones_the_entrypoint_reads_with_their_defaults()
    {
        var inputs = _action.Inputs.ToDictionary(i => i.Name, i => (i.Default, i.Required));

        Assert.Equal(
            ["command", "spec", "store", "s3-endpoint", "github-token", "data-path", "required-approvals", "merge-pr", "fail-on-gate", "working-directory"],
            inputs.Keys);
        Assert.Equal(("auto", true), inputs["command"]);
        Assert.Equal(("mlops.yml", true), inputs["spec"]);
        Assert.Equal(("${{ github.token }}", true), inputs["github-token"]);
        Assert.Equal(("true", false), inputs["merge-pr"]);
        Assert.Equal(("true", false), inputs["fail-on-gate"]);
        Assert.Equal(("1", false), inputs["required-approvals"]);
        Assert.Equal((".", false), inputs["working-directory"]);
        Assert.All(_action.Inputs, i => Assert.NotNull(i.Default));
    }

    [Fact]
    public void The_outputs_are_verdict_run_id_model_version_data_commit_both_report_paths_and_comment_url()
    {
        Assert.Equal(["verdict", "run-id", "model-version", "data-commit", "report-path", "full-report-path", "comment-url"], _action.Outputs);
    }

    [Fact]
    public void The_action_runs_the_prebuilt_image_of_this_version_as_mlops_action()
    {
        var version = XDocument.Load(RepositoryRoot.Combine("src", "MlopsCi.Cli", "MlopsCi.Cli.csproj")).Descendants("Version").Single().Value;

        Assert.Equal("docker", _action.Using);
        Assert.Equal($"docker://ghcr.io/mlopsci/mlopsci-action:{version}", _action.Image);
        Assert.Equal(["action"], _action.Args);
    }

    [Fact]
    public void The_action_has_branding_for_the_marketplace()
    {
        var branding = _action.Map("branding");

        Assert.Equal(["icon", "color"], branding.Children.Keys.Select(k => k.ToString()));
    }
}
