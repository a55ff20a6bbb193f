using MlopsCi.Cli.Commands;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Testing;

namespace MlopsCi.Cli.Tests.Views;

/// <summary>How a run reads on the console: the confusion matrix stays a table with big counts, unlabelled rows are stated.</summary>
public sealed class TrainingViewsSpecs
{
    [Fact]
    public void A_confusion_matrix_with_four_digit_counts_keeps_every_column_apart_and_aligned()
    {
        // Seen on birdstrikes.csv: "16 (0.0087)1,811 (0.988)": a 13-character cell ran into its neighbour.
        var confusion = new ConfusionMatrix(["Minor", "None", "Substantial"], [[12, 76, 4], [16, 1811, 5], [5, 41, 6]]);
        using var w = new StringWriter();

        AnalysisViews.WriteConfusion(w, confusion);

        var lines = w.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Single(lines.Select(l => l.Length).Distinct());
        Assert.Contains("  1,811 (0.9885)", lines[2], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(l, @"  \d[\d,]* \(\d(\.\d+)?\)").Count));
    }

    [Fact]
    public void Precision_recall_and_f1_a_class_cannot_have_read_as_undefined_not_as_zero()
    {
        // Seen on birdstrikes.csv: class 'B' (one training row, no evaluation row) read "0 0 0 0" like a class always missed.
        var confusion = new ConfusionMatrix(["B", "Minor", "None"], [[0, 0, 0], [0, 12, 80], [0, 16, 1811]]);
        using var w = new StringWriter();

        AnalysisViews.WriteAnalysis(w, new ErrorAnalysis(confusion, confusion.PerClass(), null, [], [], []));

        var rows = w.ToString().Split(Environment.NewLine).SkipWhile(l => !l.StartsWith("  class ", StringComparison.Ordinal)).Skip(1).Take(3).ToList();
        Assert.Matches(@"^  B +0 +- +- +-$", rows[0]);
        Assert.Matches(@"^  Minor +92 +0\.4286 +0\.1304 +0\.2", rows[1]);
    }

    [Fact]
    public void The_data_line_states_the_rows_without_a_label_and_the_warning_follows_it()
    {
        using var w = new StringWriter();

        TrainingViews.WriteRun(w, SampleRuns.Birds() with { Unlabelled = SampleRuns.NoneLabels() });

        var lines = w.ToString().Split(Environment.NewLine);
        Assert.Equal("data: main @ 0123456789ab  (878 train rows, 183 evaluation rows; 8,939 of 10,000 rows without a label left out ('None' 8,939))", lines[1]);
        Assert.StartsWith("warning: 8,939 of 10,000 rows (89%) have no label and were left out of training and evaluation: 'None' counts as missing by default. If it is a class, say which values mean missing: model.data.csv: { missing: [", lines[2], StringComparison.Ordinal);
    }
}
