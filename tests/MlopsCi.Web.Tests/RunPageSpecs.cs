using MlopsCi.Testing;
using MlopsCi.Web.Internal;
using MlopsCi.Web.Pages;

namespace MlopsCi.Web.Tests;

/// <summary>A run's page says what the console says about rows left out without a label, and warns alike.</summary>
public sealed class RunPageSpecs
{
    [Fact]
    public void A_run_that_left_most_rows_out_for_a_missing_label_says_how_many_and_warns()
    {
        var run = SampleRuns.Birds() with { Unlabelled = SampleRuns.NoneLabels() };

        var page = RunPages.Run(new RunView(run, [])).ToString();
        var plain = RunPages.Run(new RunView(run with { Unlabelled = null }, [])).ToString();

        Assert.Contains("8,939 of 10,000 rows without a label left out (&#x27;None&#x27; 8,939)", page, StringComparison.Ordinal);
        var warning = page[page.IndexOf("<p class=\"warning\">", StringComparison.Ordinal)..];
        Assert.Contains("8,939 of 10,000 rows (89%) have no label", warning[..warning.IndexOf("</p>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"warning\"", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_page_shows_the_confusion_matrix_per_class_figures_and_slices_the_run_recorded()
    {
        var confusion = new Core.Training.Evaluation.ConfusionMatrix(["B", "Minor", "None"], [[0, 0, 0], [0, 12, 80], [0, 16, 1811]]);
        var analysis = new Core.Training.Evaluation.ErrorAnalysis(confusion, confusion.PerClass(), null, [], [], [new("Phase", "Climb", 387, "micro-accuracy", 0.8579)]);
        var run = SampleRuns.Birds() with { Analysis = analysis };

        var page = RunPages.Run(new RunView(run, [])).ToString();

        Assert.Contains("<table id=\"confusion\">", page, StringComparison.Ordinal);
        Assert.Contains(">1,811 (0.9912)</td>", page, StringComparison.Ordinal);
        Assert.Matches("<td>B</td><td[^>]*>0</td><td[^>]*>-</td><td[^>]*>-</td><td[^>]*>-</td>", page);
        Assert.Contains("<td>Phase = Climb</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"confusion\"", RunPages.Run(new RunView(SampleRuns.Birds(), [])).ToString(), StringComparison.Ordinal);
    }
}
