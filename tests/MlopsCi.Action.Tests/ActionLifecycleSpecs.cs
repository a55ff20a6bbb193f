using MlopsCi.Action.Tests.Container;
using MlopsCi.Action.Tests.Runner;
using MlopsCi.Testing.FakeGitHub;
using static MlopsCi.Action.Tests.Scenario.ActionScenario;

namespace MlopsCi.Action.Tests;

/// <summary>
/// The image run as the runner runs the workflow step of actions/examples/pr.yml: pull_request and pull_request_review
/// events, a local data store in the workspace, the fake GitHub API; asserts on the outputs file, the step summary,
/// the annotations and the comment posted.
/// </summary>
[Collection(ActionImageCollection.Name)]
[Trait("Speed", "Slow")]
public sealed class ActionLifecycleSpecs(ActionImage image)
{
    private static readonly string[] Verdicts = ["better", "worse", "no-change"];

    [Fact]
    public async Task A_pull_request_is_synced_then_merged_on_approval_with_outputs_a_summary_and_one_comment()
    {
        await using var s = await StartAsync(image);
        s.OpenPullRequest(7, Sha1);

        var sync = await s.OnPullRequestAsync("opened", 7, Sha1);
        var branchLog = await s.MlopsAsync("data", "log", "pr-7", "--max", "1");
        await s.CommitToMainAsync("docs/README.md", "Data dictionary"); // main moves on: the merge is three-way
        s.GitHub.Store.AddReview(Repository, 7, new FakeReview("hubot", "APPROVED", Sha1, DateTimeOffset.UtcNow));
        var merge = await s.OnReviewAsync("approved", 7, Sha1);
        var mainLog = await s.MlopsAsync("data", "log", "main", "--max", "1");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.True(merge.ExitCode == 0, merge.ToString());
        var comment = Assert.Single(s.GitHub.Store.Comments(Repository, 7));
        var commentUrl = $"https://github.example/{Repository}/pull/7#issuecomment-{comment.Id}";
        Assert.StartsWith("<!-- mlops-ci:report model=churn -->", comment.Body, StringComparison.Ordinal);
        Assert.Contains("🚀 **Merged**", comment.Body, StringComparison.Ordinal);

        Assert.Contains(sync.Outputs["verdict"], Verdicts);
        Assert.NotEqual("", sync.Outputs["run-id"]);
        Assert.Equal("", sync.Outputs["model-version"]);
        Assert.Contains(sync.Outputs["data-commit"][..12], branchLog, StringComparison.Ordinal);
        Assert.Equal($"{Folder}/.mlops/report.md", sync.Outputs["report-path"]);
        Assert.Equal(commentUrl, sync.Outputs["comment-url"]);
        var report = await File.ReadAllTextAsync(Path.Combine(s.Workspace, sync.Outputs["report-path"]));
        Assert.Contains(report.Split('\n').First(l => l.StartsWith("## ", StringComparison.Ordinal)), sync.Summary, StringComparison.Ordinal);
        Assert.Contains("### ✔ mlops pr auto", sync.Summary, StringComparison.Ordinal);
        Assert.Contains($"| `verdict` | `{sync.Outputs["verdict"]}` |", sync.Summary, StringComparison.Ordinal);
        var run = $"https://github.com/{Repository}/actions/runs/4242";
        Assert.Equal([(Sha1, "pending", "mlops-ci/churn", run), (Sha1, "success", "mlops-ci/churn", run)], s.GitHub.Store.Statuses(Repository).Select(x => (x.Sha, x.State, x.Context, x.TargetUrl)));

        Assert.Equal((sync.Outputs["verdict"], sync.Outputs["run-id"], commentUrl), (merge.Outputs["verdict"], merge.Outputs["run-id"], merge.Outputs["comment-url"]));
        Assert.Equal("churn:1", merge.Outputs["model-version"]);
        Assert.NotEqual(sync.Outputs["data-commit"], merge.Outputs["data-commit"]);
        Assert.StartsWith("commit " + merge.Outputs["data-commit"][..12], mainLog, StringComparison.Ordinal);
        Assert.Contains("| `model-version` | `churn:1` |", merge.Summary, StringComparison.Ordinal);

        Assert.All([sync, merge], step =>
        {
            StepAssert.MaskedAndGrouped(step, Token);
            Assert.Contains("::group::mlops pr auto", step.Lines);
            Assert.DoesNotContain(step.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task A_failing_gate_fails_the_step_unless_fail_on_gate_is_false()
    {
        await using var s = await StartAsync(image, gates: "  - { metric: auc, min: 0.999 }");
        s.OpenPullRequest(8, Sha2);

        var failing = await s.OnPullRequestAsync("opened", 8, Sha2, ("command", "sync"));
        var tolerated = await s.OnPullRequestAsync("synchronize", 8, Sha2, ("command", "sync"), ("fail-on-gate", "false"));

        Assert.True(failing.ExitCode == 1, failing.ToString());
        Assert.True(tolerated.ExitCode == 0, tolerated.ToString());
        Assert.All([failing, tolerated], step => Assert.Equal("gate-failed", step.Outputs["verdict"]));
        Assert.Contains(failing.Lines, l => l.StartsWith("::error title=mlops pr sync::Pull request #8: Gate failed: auc", StringComparison.Ordinal));
        Assert.Contains(tolerated.Lines, l => l.StartsWith("::warning title=mlops pr sync::Pull request #8: Gate failed: auc", StringComparison.Ordinal) && l.EndsWith("The step succeeds because fail-on-gate is false.", StringComparison.Ordinal));
        Assert.DoesNotContain(tolerated.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains("### ✘ mlops pr sync", failing.Summary, StringComparison.Ordinal);
        Assert.Single(s.GitHub.Store.Comments(Repository, 8));
        Assert.Equal(["pending", "failure", "pending", "failure"], s.GitHub.Store.Statuses(Repository).Select(x => x.State));
    }

    [Fact]
    public async Task A_pull_request_closed_without_merging_deletes_its_data_branch_and_says_so_in_the_comment()
    {
        await using var s = await StartAsync(image);
        s.OpenPullRequest(9, Sha1);
        var sync = await s.OnPullRequestAsync("opened", 9, Sha1);

        var close = await s.OnClosedAsync(9, Sha1, merged: false);
        var branch = await s.ContainerAsync([], "data", "log", "pr-9");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.True(close.ExitCode == 0, close.ToString());
        var comment = Assert.Single(s.GitHub.Store.Comments(Repository, 9));
        Assert.Contains("**Closed without merging**", comment.Body, StringComparison.Ordinal);
        Assert.Equal("", close.Outputs["data-commit"]);
        Assert.Equal(sync.Outputs["comment-url"], close.Outputs["comment-url"]);
        Assert.Contains("### ✔ mlops pr auto", close.Summary, StringComparison.Ordinal);
        Assert.NotEqual(0, branch.ExitCode);
        StepAssert.MaskedAndGrouped(close, Token);
    }

    [Fact]
    public async Task Retraining_on_a_push_promotes_the_first_champion_and_says_so_in_the_outputs()
    {
        await using var s = await StartAsync(image);

        var step = await s.OnPushAsync(Sha2, ("command", "retrain"));

        Assert.True(step.ExitCode == 0, step.ToString());
        Assert.Equal(("promoted", "churn:1", "", ""), (step.Outputs["verdict"], step.Outputs["model-version"], step.Outputs["comment-url"], step.Outputs["report-path"]));
        Assert.NotEqual("", step.Outputs["run-id"]);
        Assert.Equal(ActionMetadata.Load(RepositoryRoot.Combine("action.yml")).Outputs, step.Outputs.Keys);
        Assert.Contains("::group::mlops retrain", step.Lines);
        Assert.Contains("### ✔ mlops retrain", step.Summary, StringComparison.Ordinal);
        Assert.Empty(s.GitHub.Requests);
        StepAssert.MaskedAndGrouped(step, Token);
    }
}
