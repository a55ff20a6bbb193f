using System.Text.RegularExpressions;
using static MlopsCi.PullRequests.Tests.PullRequestScenario;

namespace MlopsCi.PullRequests.Tests;

/// <summary>The error analysis in the real pull-request comment: the real mlops process, real training, the fake GitHub.</summary>
public sealed partial class ErrorAnalysisFlowSpecs
{
    [Fact]
    public async Task The_comment_shows_the_tests_a_folded_confusion_matrix_for_main_and_the_pr_and_the_slices()
    {
        await using var s = await StartAsync();
        s.AddToModelSpec("  slices: [plan]");
        s.OpenPullRequest(1, Sha1);

        var synced = await s.RunEventAsync("pull_request", WebhookPayloads.PullRequest("opened", 1, Sha1), "sync");

        Assert.True(synced.ExitCode == 0, synced.ToString());
        var body = Assert.Single(s.Comments(1)).Body;
        Assert.Contains("<sub>Beside the bootstrap — DeLong's test on `auc`: z = ", body, StringComparison.Ordinal);
        Assert.Contains("McNemar's exact test on `accuracy`: ", body, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Confusion matrix — main → PR (2 classes, rows: true class)</summary>", body, StringComparison.Ordinal);
        Assert.Matches(@"\| true ＼ predicted \| false \| true \|\n\|---\|--:\|--:\|\n\| false \| \*\*[\d,]+( → [\d,]+)?\*\* \|", body);
        Assert.Contains("Largest changes per class (F1):", body, StringComparison.Ordinal);
        Assert.Contains("#### 🧩 Slices — `auc` per value of `plan`", body, StringComparison.Ordinal);
        var slices = SliceRow().Matches(body).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["basic", "pro", "team"], slices);
        Assert.Equal(CountOf(body, "<details>"), CountOf(body, "</details>"));
    }

    private static int CountOf(string text, string value) => text.Split(value).Length - 1;

    [GeneratedRegex(@"\| `plan` = (\w+) \| \d+ \| [01]\.\d{4} \| [01]\.\d{4} \|")]
    private static partial Regex SliceRow();
}
