using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Training.Tests.Evaluation;

public sealed class ErrorAnalysisSpecs
{
    [Fact]
    public void A_multiclass_confusion_matrix_counts_true_against_predicted_with_rates_and_per_class_metrics()
    {
        var predictions = new Predictions(ModelTask.Multiclass, ["a", "b", "c"], [0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], null, null);

        var analysis = ErrorAnalysis.Of(predictions, MetricNames.MicroAccuracy);

        var confusion = analysis.Confusion!;
        Assert.Equal([[2, 1, 0], [0, 1, 1], [0, 0, 1]], confusion.Counts.Select(r => r.ToArray()));
        Assert.Equal([2.0 / 3, 1.0 / 3, 0], confusion.Rates[0]);
        Assert.Equal(6, confusion.Total);
        // By hand: a 2/2 precision, 2/3 recall; b ½, ½; c ½, 1.
        var classes = analysis.Classes;
        Assert.Equal(["a", "b", "c"], classes.Select(c => c.Class));
        Assert.Equal([3, 2, 1], classes.Select(c => c.Support));
        Assert.Equal([1.0, 0.5, 0.5], classes.Select(c => c.Precision));
        Assert.Equal([2.0 / 3, 0.5, 1.0], classes.Select(c => c.Recall));
        Assert.Equal([0.8, 0.5, 2.0 / 3], classes.Select(c => Math.Round(c.F1, 12)), new RoundedComparer());
        Assert.Empty(analysis.Roc);
        Assert.Null(analysis.Threshold);
    }

    [Fact]
    public void The_roc_curve_runs_from_0_0_to_1_1_and_its_area_is_the_auc()
    {
        var random = new Random(11);
        var labels = Enumerable.Range(0, 60).Select(_ => random.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray();
        var scores = labels.Select(l => l + (random.NextDouble() * 2)).ToArray();
        var predictions = new Predictions(ModelTask.Binary, ["no", "yes"], labels, [.. scores.Select(s => s > 1 ? 1.0 : 0.0)], scores, null)
        {
            Threshold = new BinaryThreshold("score", 1),
        };

        var analysis = ErrorAnalysis.Of(predictions, MetricNames.Auc);

        var roc = analysis.Roc;
        Assert.Equal(61, roc.Count);
        Assert.Equal((0.0, 0.0, (double?)null), (roc[0].X, roc[0].Y, roc[0].Threshold));
        Assert.Equal((1.0, 1.0), (roc[^1].X, roc[^1].Y));
        var area = roc.Zip(roc.Skip(1)).Sum(p => (p.Second.X - p.First.X) * (p.Second.Y + p.First.Y) / 2);
        Assert.Equal(MetricCalculator.Compute(predictions)[MetricNames.Auc], area, 12);
        Assert.Equal((1.0, 1.0), (analysis.PrecisionRecall[1].Y, analysis.PrecisionRecall[^1].X));
        Assert.Equal(new BinaryThreshold("score", 1), analysis.Threshold);
        Assert.Equal(["no", "yes"], analysis.Confusion!.Classes);
    }

    [Fact]
    public void Curves_of_many_rows_are_thinned_to_101_points_keeping_both_ends()
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, 5_000).Select(_ => random.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray();
        var scores = labels.Select(l => l + random.NextDouble()).ToArray();

        var analysis = ErrorAnalysis.Of(new Predictions(ModelTask.Binary, ["no", "yes"], labels, [.. scores.Select(s => s > 1 ? 1.0 : 0.0)], scores, null), MetricNames.Auc);

        Assert.Equal((101, 101), (analysis.Roc.Count, analysis.PrecisionRecall.Count));
        Assert.Equal((0.0, 0.0), (analysis.Roc[0].X, analysis.Roc[0].Y));
        Assert.Equal((1.0, 1.0), (analysis.Roc[^1].X, analysis.Roc[^1].Y));
        Assert.True(analysis.Roc.Zip(analysis.Roc.Skip(1)).All(p => p.Second.X >= p.First.X && p.Second.Y >= p.First.Y), "ROC points go up and right");
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
