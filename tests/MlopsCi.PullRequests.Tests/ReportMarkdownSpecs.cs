using MlopsCi.Core.PullRequests;
using MlopsCi.Core.Reporting;

namespace MlopsCi.PullRequests.Tests;

public sealed class ReportMarkdownSpecs
{
    [Fact]
    public void A_better_multiclass_candidate_renders_every_section() =>
        GoldenFile.Verify("multiclass-better", ReportMarkdown.Render(ReportSamples.MulticlassBetter()));

    [Fact]
    public void A_failing_gate_leads_the_report() =>
        GoldenFile.Verify("regression-gate-failed", ReportMarkdown.Render(ReportSamples.RegressionGateFailed()));

    [Fact]
    public void Refused_data_shows_the_validation_findings() =>
        GoldenFile.Verify("blocked-by-validation", ReportMarkdown.Render(ReportSamples.Blocked()));

    [Fact]
    public void A_merge_says_which_version_became_champion() =>
        GoldenFile.Verify("merged", ReportMarkdown.Render(ReportSamples.Merged()));

    [Fact]
    public void A_conflict_lists_the_conflicting_paths() =>
        GoldenFile.Verify("conflict", ReportMarkdown.Render(ReportSamples.Conflict()));

    [Fact]
    public void A_closed_pull_request_says_its_branch_is_gone() =>
        GoldenFile.Verify("closed", ReportMarkdown.Render(ReportSamples.Closed()));

    [Fact]
    public void A_report_over_the_comment_limit_is_shortened_with_a_note() =>
        GoldenFile.Verify("shortened", ReportMarkdown.Render(ReportSamples.ManyFiles(2_000)));

    [Fact]
    public void Keyed_tables_show_modified_rows_the_most_changed_columns_and_a_folded_sample() =>
        GoldenFile.Verify("keyed-data-diff", ReportMarkdown.Render(ReportSamples.KeyedData()));

    [Fact]
    public void A_keyed_data_section_survives_the_stored_pull_request_record()
    {
        var report = ReportSamples.KeyedData();

        var json = System.Text.Json.JsonSerializer.Serialize(report, Core.Versioning.StoreJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<PullRequestReport>(json, Core.Versioning.StoreJson.Options)!;

        Assert.Equal(ReportMarkdown.Render(report), ReportMarkdown.Render(back));
        Assert.Equal(44, back.DataDiff!.Files[0].Table!.RowsModified);
    }

    [Fact]
    public void A_large_keyed_diff_keeps_the_comment_under_the_limit_with_fewer_samples_and_closed_folds()
    {
        var full = ReportMarkdown.Render(ReportSamples.ManyKeyedFiles(200), int.MaxValue);
        var text = ReportMarkdown.Render(ReportSamples.ManyKeyedFiles(200));

        Assert.True(full.Length > PullRequestLimits.MaxCommentLength, $"the sample must exceed the limit, was {full.Length}");
        Assert.True(text.Length <= PullRequestLimits.MaxCommentLength, $"{text.Length} characters");
        Assert.Contains("Shortened to fit", text, StringComparison.Ordinal);
        Assert.Contains("| `weather/stations/station-00001.csv` | modified | 1,000 → 1,000 | +0 / −0 / ~401 | `reading_1` 400, `reading_2` 399, `reading_3` 398, +5 more columns |", text, StringComparison.Ordinal);
        Assert.Equal(Count(text, "<details>"), Count(text, "</details>"));
        Assert.Equal(3, Count(text, "<summary>Modified rows of"));
        Assert.Contains("(key <code>station</code>, <code>date</code>): first 3 of 401, old → new</summary>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_analysis_shows_the_tests_a_folded_confusion_matrix_and_the_slices() =>
        GoldenFile.Verify("binary-error-analysis", ReportMarkdown.Render(ReportSamples.BinaryWithAnalysis()));

    [Fact]
    public void Tests_that_disagree_with_the_bootstrap_are_said_under_the_headline_which_stays_the_bootstraps()
    {
        var text = ReportMarkdown.Render(ReportSamples.BinaryWithAnalysis());

        var headline = text.IndexOf("## ➖ No significant change — auc", StringComparison.Ordinal);
        var note = text.IndexOf("ℹ️ The tests beside the bootstrap disagree: DeLong's test says better on `auc` (p = 0.044), the bootstrap no significant change.", StringComparison.Ordinal);
        Assert.True(headline >= 0 && note > headline, text);
        Assert.DoesNotContain("McNemar's exact test says", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_rows_left_out_for_a_missing_label_are_warned_about_under_the_evaluation_line()
    {
        var sample = ReportSamples.MulticlassBetter();

        var text = ReportMarkdown.Render(sample with { Comparison = sample.Comparison! with { Unlabelled = MlopsCi.Testing.SampleRuns.NoneLabels() } });
        var plain = ReportMarkdown.Render(sample);

        var metrics = text.IndexOf("#### 📊 Metrics", StringComparison.Ordinal);
        var warning = text.IndexOf("⚠️ 8,939 of 10,000 rows (89%) have no label and were left out of training and evaluation: 'None' counts as missing by default.", StringComparison.Ordinal);
        Assert.True(metrics >= 0 && warning > metrics && warning < text.IndexOf("| Metric |", StringComparison.Ordinal), text);
        Assert.DoesNotContain("have no label", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_without_evaluation_rows_that_neither_model_predicts_is_left_out_of_the_largest_changes()
    {
        var sample = ReportSamples.MulticlassBetter();
        string[] classes = ["B", "Minor", "None"];
        var comparison = sample.Comparison! with
        {
            BaselineConfusion = new(classes, [[0, 0, 0], [0, 15, 77], [0, 25, 1807]]),
            CandidateConfusion = new(classes, [[0, 0, 0], [0, 12, 80], [0, 16, 1816]]),
        };

        var text = ReportMarkdown.Render(sample with { Comparison = comparison });

        var changes = text[text.IndexOf("Largest changes per class (F1):", StringComparison.Ordinal)..];
        changes = changes[..changes.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("| Minor | 92 |", changes, StringComparison.Ordinal);
        Assert.Contains("| None | 1,832 |", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("| B |", changes, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_classes_and_slices_stay_within_the_comment_limit()
    {
        var report = ReportSamples.ManyClassesAndSlices(classes: 300, slices: 2_000);

        var text = ReportMarkdown.Render(report);

        Assert.True(ReportMarkdown.Render(report, int.MaxValue).Length > PullRequestLimits.MaxCommentLength, "the sample must exceed the limit");
        Assert.True(text.Length <= PullRequestLimits.MaxCommentLength, $"{text.Length}");
        Assert.Contains("300 classes are too many for a table here", text, StringComparison.Ordinal);
        Assert.Contains("more slices not shown", text, StringComparison.Ordinal);
        Assert.Equal(Count(text, "<details>"), Count(text, "</details>"));
    }

    [Fact]
    public void Every_report_starts_with_the_hidden_marker_of_its_model()
    {
        var text = ReportMarkdown.Render(ReportSamples.RegressionGateFailed());

        Assert.StartsWith("<!-- mlops-ci:report model=flight-delay -->\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shortened_report_fits_the_comment_limit_and_lists_fewer_files()
    {
        var full = ReportMarkdown.Render(ReportSamples.ManyFiles(2_000), int.MaxValue);
        var shortened = ReportMarkdown.Render(ReportSamples.ManyFiles(2_000));

        Assert.True(full.Length > PullRequestLimits.MaxCommentLength, $"the sample must exceed the limit, was {full.Length}");
        Assert.True(shortened.Length <= PullRequestLimits.MaxCommentLength);
        Assert.Contains("Shortened to fit GitHub's 65,536-character comment limit", shortened, StringComparison.Ordinal);
        Assert.Contains("… and 1,975 more files not shown.", shortened, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_cut_at_any_length_closes_its_blocks_and_says_it_was_cut()
    {
        foreach (var limit in new[] { 1_200, 2_000, 3_000 })
        {
            var text = ReportMarkdown.Render(ReportSamples.MulticlassBetter(), limit);

            Assert.True(text.Length <= limit, $"{text.Length} > {limit}");
            Assert.EndsWith("the full report is in the workflow run's step summary.\n", text, StringComparison.Ordinal);
            Assert.Equal(0, Count(text, "```") % 2);
            Assert.Equal(Count(text, "<details>"), Count(text, "</details>"));
        }
    }

    private static int Count(string text, string value) => text.Split(value).Length - 1;
}
