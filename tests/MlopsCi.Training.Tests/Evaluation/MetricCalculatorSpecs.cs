using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Training.Tests.Evaluation;

public sealed class MetricCalculatorSpecs
{
    [Fact]
    public void Regression_metrics_match_hand_computed_values()
    {
        var p = new Predictions(ModelTask.Regression, [], [1, 2, 3, 4], [1, 2, 4, 2], null, null);

        var m = MetricCalculator.Compute(p);

        Assert.Equal(Math.Sqrt(5.0 / 4), m[MetricNames.Rmse], 12);
        Assert.Equal(3.0 / 4, m[MetricNames.Mae], 12);
        Assert.Equal(1 - (5.0 / 5.0), m[MetricNames.R2], 12);
    }

    [Fact]
    public void Binary_auc_counts_pairs_and_ties_as_half()
    {
        // Positives scored 0.9, 0.4; negatives 0.4, 0.1: pairs (0.9>0.4, 0.9>0.1, 0.4=0.4 → ½, 0.4>0.1) → 3.5 / 4.
        var p = new Predictions(ModelTask.Binary, ["no", "yes"], [1, 1, 0, 0], [1, 0, 0, 0], [0.9, 0.4, 0.4, 0.1], [0.9, 0.4, 0.4, 0.1]);

        var m = MetricCalculator.Compute(p);

        Assert.Equal(0.875, m[MetricNames.Auc], 12);
        Assert.Equal(0.75, m[MetricNames.Accuracy], 12);
        Assert.Equal(1.0, m[MetricNames.Precision], 12);
        Assert.Equal(0.5, m[MetricNames.Recall], 12);
        Assert.Equal(2 * 0.5 / 1.5, m[MetricNames.F1], 12);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.4) + Math.Log(0.6) + Math.Log(0.9)) / 4, m[MetricNames.LogLoss], 12);
        Assert.Equal((0.5 * 1.0) + (0.5 * (2.0 / 3)), m[MetricNames.Auprc], 12);
    }

    [Fact]
    public void A_perfect_ranking_has_auc_and_auprc_of_one()
    {
        var p = new Predictions(ModelTask.Binary, ["0", "1"], [0, 0, 1, 1], [0, 0, 1, 1], [-2, -1, 1, 2], null);

        var m = MetricCalculator.Compute(p);

        Assert.Equal(1.0, m[MetricNames.Auc]);
        Assert.Equal(1.0, m[MetricNames.Auprc]);
        Assert.False(m.ContainsKey(MetricNames.LogLoss));
    }

    [Fact]
    public void Weights_are_the_same_as_repeating_rows()
    {
        var p = new Predictions(ModelTask.Binary, ["n", "y"], [1, 0, 1, 0], [1, 0, 0, 1], [0.8, 0.3, 0.2, 0.6], [0.8, 0.3, 0.2, 0.6]);
        var repeated = new Predictions(ModelTask.Binary, ["n", "y"], [1, 1, 0, 1, 0, 0, 0], [1, 1, 0, 0, 1, 1, 1], [0.8, 0.8, 0.3, 0.2, 0.6, 0.6, 0.6], [0.8, 0.8, 0.3, 0.2, 0.6, 0.6, 0.6]);

        var weighted = MetricCalculator.Compute(p, [2, 1, 1, 3]);
        var expected = MetricCalculator.Compute(repeated);

        foreach (var (name, value) in expected)
            Assert.Equal(value, weighted[name], 12);
    }

    [Fact]
    public void Multiclass_metrics_include_macro_accuracy_and_per_class_recall()
    {
        var p = new Predictions(ModelTask.Multiclass, ["a", "b", "c"], [0, 0, 1, 2], [0, 1, 1, 1], null, [0.5, 0.25, 0.8, 0.1]);

        var m = MetricCalculator.Compute(p);

        Assert.Equal(0.5, m[MetricNames.MicroAccuracy], 12);
        Assert.Equal((0.5 + 1 + 0) / 3, m[MetricNames.MacroAccuracy], 12);
        Assert.Equal(0.5, m["recall:a"], 12);
        Assert.Equal(0.0, m["recall:c"], 12);
        Assert.Equal(-(Math.Log(0.5) + Math.Log(0.25) + Math.Log(0.8) + Math.Log(0.1)) / 4, m[MetricNames.LogLoss], 12);
    }

    [Fact]
    public void Undefined_metrics_are_left_out_instead_of_being_nan()
    {
        var p = new Predictions(ModelTask.Binary, ["n", "y"], [0, 0], [0, 1], [0.1, 0.7], null);

        var m = MetricCalculator.Compute(p);

        Assert.False(m.ContainsKey(MetricNames.Auc));
        Assert.False(m.ContainsKey(MetricNames.Recall));
        Assert.All(m.Values, v => Assert.True(double.IsFinite(v)));
    }
}
