using System.Text.RegularExpressions;
using MlopsCi.Action.Tests.Container;
using MlopsCi.Action.Tests.Runner;
using MlopsCi.Action.Tests.Scenario;
using MlopsCi.PullRequests.Tests;
using static MlopsCi.Action.Tests.Scenario.ActionScenario;

namespace MlopsCi.Action.Tests;

/// <summary>
/// The entrypoint on the webhook payloads GitHub sends as they are: another base branch, data a hook refuses, a close
/// after a failing gate. Each step writes every declared output exactly once and each annotation once.
/// </summary>
[Collection(ActionImageCollection.Name)]
[Trait("Speed", "Slow")]
public sealed partial class ActionPayloadSpecs(ActionImage image)
{
    private const string Hooks = """
        name: data quality
        on:
          pre-commit: { branches: ["*"] }
        hooks:
          - id: monthly-present
            type: not-null
            properties: { files: "*.csv", columns: [monthly] }
        """;

    private static readonly string[] Declared = ActionMetadata.Load(RepositoryRoot.Combine("action.yml")).Outputs.ToArray();

    [Fact]
    public async Task A_pull_request_into_master_exits_0_with_verdict_none_saying_why()
    {
        await using var s = await StartAsync(image);
        s.OpenPullRequest(3, Sha1);

        var step = await s.OnPullRequestPayloadAsync(Payloads.PullRequest("opened", 3, Sha1, baseRef: "master"), Sha1);

        Assert.True(step.ExitCode == 0, step.ToString());
        StepAssert.NoOutputsBut(step, "none");
        AssertEachDeclaredOutputOnce(step);
        Assert.Contains(step.Lines, l => l.Contains("targets 'master', not the data repository's default branch 'main'", StringComparison.Ordinal));
        Assert.DoesNotContain("a bug in mlops", step.ToString(), StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Store.Comments(Repository, 3));
    }

    [Fact]
    public async Task Refused_data_is_annotated_once_on_the_checkout_file_and_the_comment_shows_file_row_and_value()
    {
        await using var s = await StartAsync(image);
        await s.CommitToMainAsync("_mlops/hooks.yml", Hooks);
        s.WriteData(ChurnData.Csv(1, 500) + ChurnData.Rows(2, 500) + "12,,basic,1,false\n");
        s.OpenPullRequest(4, Sha1);

        var step = await s.OnPullRequestAsync("opened", 4, Sha1);

        Assert.True(step.ExitCode == 1, step.ToString());
        Assert.Equal("blocked", step.Outputs["verdict"]);
        AssertEachDeclaredOutputOnce(step);
        var annotations = step.Lines.Where(l => l.StartsWith("::error", StringComparison.Ordinal) || l.StartsWith("::warning", StringComparison.Ordinal)).ToList();
        Assert.Equal(annotations.Distinct().ToList(), annotations);
        Assert.Contains(annotations, l => l.StartsWith($"::error file={Folder}/data/customers.csv,line=1002,", StringComparison.Ordinal));
        Assert.DoesNotContain(annotations, l => l.StartsWith("::error file=churn/", StringComparison.Ordinal));
        var comment = Assert.Single(s.GitHub.Store.Comments(Repository, 4)).Body;
        Assert.Contains("churn/customers.csv, column monthly", comment, StringComparison.Ordinal);
        Assert.Contains("row 1,001", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_failing_gate_a_close_says_closed_and_both_reports_are_written()
    {
        await using var s = await StartAsync(image, gates: "  - { metric: auc, min: 0.999 }");
        s.OpenPullRequest(5, Sha1);

        var sync = await s.OnPullRequestAsync("opened", 5, Sha1);
        var close = await s.OnPullRequestAsync("closed", 5, Sha1);

        Assert.True(sync.ExitCode == 1, sync.ToString());
        Assert.True(close.ExitCode == 0, close.ToString());
        Assert.Equal(("gate-failed", "closed"), (sync.Outputs["verdict"], close.Outputs["verdict"]));
        Assert.All([sync, close], AssertEachDeclaredOutputOnce);
        Assert.Equal(($"{Folder}/.mlops/report.md", $"{Folder}/.mlops/report-full.md"), (sync.Outputs["report-path"], sync.Outputs["full-report-path"]));
        var full = await File.ReadAllTextAsync(Path.Combine(s.Workspace, sync.Outputs["full-report-path"]));
        Assert.Contains(full.Split('\n').First(l => l.StartsWith("### ", StringComparison.Ordinal)), sync.Summary, StringComparison.Ordinal);
        Assert.Single(sync.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.DoesNotContain(close.Lines, l => l.StartsWith("::error", StringComparison.Ordinal) || l.StartsWith("::warning", StringComparison.Ordinal));
    }

    private static void AssertEachDeclaredOutputOnce(StepResult step)
    {
        var names = step.OutputFile.Split('\n').Select(l => OutputName().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Declared, names);
    }

    [GeneratedRegex("^([a-z][a-z-]*)(?:=|<<)")]
    private static partial Regex OutputName();
}
