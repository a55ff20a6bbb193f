using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>
/// A pull request is judged on rows neither model trained on: with a random split, rows appended to the training file
/// leave every older row on its side of the split, so the baseline is not scored on its own training rows.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class EvaluationRowsSpecs
{
    [Fact]
    public async Task A_pull_request_appending_rows_of_the_same_distribution_is_not_called_worse_and_no_evaluation_row_was_seen_in_training()
    {
        // The shape of the finding: split 0.2, no time column, no test file; 150 rows on main, the PR appends 70 more.
        await using var s = await StartAsync("  - { metric: auc, max-regression: 100% }", mainRows: 150, split: "0.2");
        // A flexible model that fits its training rows closely: scored on them, it would look far better than it is.
        s.AddToModelSpec("  params: { numberOfLeaves: 64, minimumExampleCountPerLeaf: 1, numberOfIterations: 200 }");
        s.WriteCheckoutData(ChurnData.Csv(1, 150) + ChurnData.Rows(2, 70));
        s.OpenPullRequest(1, Sha1);

        var synced = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");

        Assert.True(synced.ExitCode == 0, synced.ToString());
        var comment = Assert.Single(s.Comments(1)).Body;
        var auc = comment.Split('\n').Single(l => l.StartsWith("| auc |", StringComparison.Ordinal));
        Assert.True(!auc.Contains("⚠️", StringComparison.Ordinal), auc);
        Assert.Matches(@"evaluation: \d+ rows, 0 seen in training by either model", comment);
        Assert.Matches(@"evaluation: \d+ rows, 0 seen in training by either model", synced.Out);
    }
}
