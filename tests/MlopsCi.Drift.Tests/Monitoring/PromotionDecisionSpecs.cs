using MlopsCi.Core.Monitoring;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Drift.Tests.Monitoring;

public sealed class PromotionDecisionSpecs
{
    [Fact]
    public void A_better_primary_metric_with_passing_gates_is_promoted()
    {
        var (promote, reason) = PromotionDecision.Decide(Comparison(0.80, 0.85, passed: true), "micro-accuracy", 3, timeOrdered: true);

        Assert.True(promote);
        Assert.Equal("promoted over champion version 3: micro-accuracy 0.8 → 0.85 (+0.05, 95% CI [+0.01, +0.09], significantly better) on the latest 500 held-out rows; every gate passed", reason);
    }

    [Fact]
    public void A_failing_gate_keeps_the_champion_and_says_which()
    {
        var (promote, reason) = PromotionDecision.Decide(Comparison(0.80, 0.85, passed: false), "micro-accuracy", 3, timeOrdered: false);

        Assert.False(promote);
        Assert.StartsWith("kept champion version 3: r2 too low on the 500 held-out rows", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_is_not_better_keeps_the_champion()
    {
        var (promote, reason) = PromotionDecision.Decide(Comparison(0.80, 0.80, passed: true), "micro-accuracy", 3, timeOrdered: true);

        Assert.False(promote);
        Assert.Contains("the new model is not better", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lower_is_better_for_error_metrics()
    {
        var metric = new MetricComparison("rmse", 10, 8, -2, -3, -1, Verdict.Better, false);
        var comparison = new Comparison([metric], [], 500, BootstrapOptions.Default);

        Assert.True(PromotionDecision.Decide(comparison, "rmse", 1, false).Promote);
    }

    private static Comparison Comparison(double baseline, double candidate, bool passed)
    {
        var metric = new MetricComparison("micro-accuracy", baseline, candidate, candidate - baseline, candidate - baseline - 0.04, candidate - baseline + 0.04, candidate > baseline ? Verdict.Better : Verdict.NoSignificantChange, true);
        var gate = new GateResult(new GateSpec("r2", null, 0.5, null), passed, 0.4, 0.6, passed ? "r2 ok" : "r2 too low");
        return new Comparison([metric], [gate], 500, BootstrapOptions.Default);
    }
}
