using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Training.Tests.Evaluation;

public sealed class GateEvaluatorSpecs
{
    private static readonly Dictionary<string, double> Baseline = new() { ["rmse"] = 10, ["r2"] = 0.8, ["auc"] = 0.9 };

    [Theory]
    [InlineData("rmse", 10.19, true)]
    [InlineData("rmse", 10.21, false)]
    [InlineData("r2", 0.785, true)]
    [InlineData("r2", 0.783, false)]
    public void Max_regression_in_percent_is_relative_to_the_baseline_in_the_metrics_worse_direction(string metric, double value, bool passes)
    {
        var gate = new GateSpec(metric, Limit.TryParse("2%"), null, null);

        var result = GateEvaluator.Evaluate([gate], new Dictionary<string, double> { [metric] = value }, Baseline).Single();

        Assert.Equal(passes, result.Passed);
    }

    [Fact]
    public void An_absolute_max_regression_is_in_the_metrics_unit()
    {
        var gate = new GateSpec("auc", Limit.TryParse("0.05"), null, null);

        Assert.True(GateEvaluator.Evaluate([gate], new Dictionary<string, double> { ["auc"] = 0.86 }, Baseline)[0].Passed);
        Assert.False(GateEvaluator.Evaluate([gate], new Dictionary<string, double> { ["auc"] = 0.84 }, Baseline)[0].Passed);
    }

    [Fact]
    public void Min_and_max_bound_the_candidate()
    {
        GateSpec[] gates = [new("r2", null, 0.8, null), new("rmse", null, null, 5)];

        var results = GateEvaluator.Evaluate(gates, new Dictionary<string, double> { ["r2"] = 0.7, ["rmse"] = 4 }, null);

        Assert.False(results[0].Passed);
        Assert.Equal("r2 0.7 is below the minimum 0.8", results[0].Reason);
        Assert.True(results[1].Passed);
    }

    [Fact]
    public void Without_a_baseline_max_regression_passes_and_says_why()
    {
        var result = GateEvaluator.Evaluate([new GateSpec("rmse", Limit.TryParse("2%"), null, null)], new Dictionary<string, double> { ["rmse"] = 50 }, null)[0];

        Assert.True(result.Passed);
        Assert.Contains("no baseline", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_that_was_not_computed_fails_its_gate()
    {
        var result = GateEvaluator.Evaluate([new GateSpec("log-loss", null, null, 1)], new Dictionary<string, double>(), null)[0];

        Assert.False(result.Passed);
    }
}
