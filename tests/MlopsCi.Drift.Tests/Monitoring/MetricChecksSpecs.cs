using MlopsCi.Core.Monitoring;
using MlopsCi.Core.Specs;

namespace MlopsCi.Drift.Tests.Monitoring;

public sealed class MetricChecksSpecs
{
    [Fact]
    public void The_primary_metric_and_each_gates_metric_are_watched_once() =>
        Assert.Equal(
            ["r2", "rmse"],
            MetricChecks.Watched(ModelTask.Regression, [new GateSpec("rmse", new Limit(0.02, true), null, null), new GateSpec("r2", null, 0.5, null), new GateSpec("auc", null, 0.5, null)]));

    [Fact]
    public void A_relative_limit_allows_that_share_of_the_reference_by_the_metrics_direction()
    {
        var checks = MetricChecks.Compare(
            ["r2", "rmse"],
            new Dictionary<string, double> { ["r2"] = 0.80, ["rmse"] = 10 },
            new Dictionary<string, double> { ["r2"] = 0.70, ["rmse"] = 10.9 },
            new Limit(0.10, true));

        Assert.Equal((0.10, 0.08, false), (Math.Round(checks[0].Worsening, 12), Math.Round(checks[0].Allowed, 12), checks[0].Passed));
        Assert.Equal((0.9, 1.0, true), (Math.Round(checks[1].Worsening, 12), Math.Round(checks[1].Allowed, 12), checks[1].Passed));
    }

    [Fact]
    public void A_metric_missing_on_either_side_is_not_checked() =>
        Assert.Empty(MetricChecks.Compare(["auc"], new Dictionary<string, double>(), new Dictionary<string, double> { ["auc"] = 0.9 }, new Limit(0.1, true)));
}
