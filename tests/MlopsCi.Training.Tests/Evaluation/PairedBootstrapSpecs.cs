using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Training.Tests.Evaluation;

public sealed class PairedBootstrapSpecs
{
    private static (Predictions Baseline, Predictions Candidate) Regression(double candidateNoise, int rows = 500)
    {
        var random = new Random(42);
        var labels = new double[rows];
        var baseline = new double[rows];
        var candidate = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() * 10;
            baseline[i] = labels[i] + ((random.NextDouble() - 0.5) * 4);
            candidate[i] = labels[i] + ((random.NextDouble() - 0.5) * 4 * candidateNoise);
        }

        return (new Predictions(ModelTask.Regression, [], labels, baseline, null, null), new Predictions(ModelTask.Regression, [], labels, candidate, null, null));
    }

    [Fact]
    public void A_clearly_better_candidate_is_better_with_an_interval_that_excludes_zero()
    {
        var (baseline, candidate) = Regression(candidateNoise: 0.5);

        var comparison = PairedBootstrap.Compare(baseline, candidate, [], BootstrapOptions.Default);

        var rmse = comparison[MetricNames.Rmse]!;
        Assert.Equal(Verdict.Better, rmse.Verdict);
        Assert.True(rmse.Delta < 0);
        Assert.True(rmse.CiLow < rmse.Delta && rmse.Delta < rmse.CiHigh && rmse.CiHigh < 0, $"CI [{rmse.CiLow}, {rmse.CiHigh}] around {rmse.Delta}");
        Assert.Equal(Verdict.Better, comparison[MetricNames.R2]!.Verdict);
        Assert.Equal(1000, comparison.Bootstrap.Resamples);
        Assert.Equal(500, comparison.Rows);
    }

    [Fact]
    public void A_clearly_worse_candidate_is_worse()
    {
        var (baseline, candidate) = Regression(candidateNoise: 2);

        var comparison = PairedBootstrap.Compare(baseline, candidate, [], BootstrapOptions.Default);

        Assert.Equal(Verdict.Worse, comparison[MetricNames.Rmse]!.Verdict);
        Assert.Equal(Verdict.Worse, comparison[MetricNames.Mae]!.Verdict);
    }

    [Fact]
    public void The_same_model_shows_no_significant_change()
    {
        var (baseline, _) = Regression(1);

        var comparison = PairedBootstrap.Compare(baseline, baseline, [], BootstrapOptions.Default);

        Assert.All(comparison.Metrics, m => Assert.Equal((Verdict.NoSignificantChange, 0.0, 0.0, 0.0), (m.Verdict, m.Delta, m.CiLow, m.CiHigh)));
    }

    [Fact]
    public void A_tiny_difference_on_few_rows_is_not_significant()
    {
        var (baseline, candidate) = Regression(candidateNoise: 0.97, rows: 40);

        var comparison = PairedBootstrap.Compare(baseline, candidate, [], BootstrapOptions.Default);

        var rmse = comparison[MetricNames.Rmse]!;
        Assert.Equal(Verdict.NoSignificantChange, rmse.Verdict);
        Assert.True(rmse.CiLow < 0 && rmse.CiHigh > 0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_a_different_one()
    {
        var (baseline, candidate) = Regression(0.8);

        var first = PairedBootstrap.Compare(baseline, candidate, [], new BootstrapOptions(1000, 7));
        var second = PairedBootstrap.Compare(baseline, candidate, [], new BootstrapOptions(1000, 7));
        var other = PairedBootstrap.Compare(baseline, candidate, [], new BootstrapOptions(1000, 8));

        Assert.Equal(first.Metrics, second.Metrics);
        Assert.NotEqual(first[MetricNames.Rmse]!.CiLow, other[MetricNames.Rmse]!.CiLow);
    }

    [Fact]
    public void Models_scored_on_different_rows_cannot_be_compared()
    {
        var (baseline, _) = Regression(1, rows: 10);
        var (other, _) = Regression(1, rows: 11);

        Assert.Throws<InvalidInputException>(() => PairedBootstrap.Compare(baseline, other, [], BootstrapOptions.Default));
    }

    [Fact]
    public void Gates_are_evaluated_with_the_comparison()
    {
        var (baseline, candidate) = Regression(candidateNoise: 2);
        GateSpec[] gates = [new("rmse", new Limit(0.02, true), null, null), new("r2", null, 0.1, null)];

        var comparison = PairedBootstrap.Compare(baseline, candidate, gates, BootstrapOptions.Default);

        Assert.False(comparison.GatesPassed);
        Assert.False(comparison.Gates[0].Passed);
        Assert.Contains("more than the allowed 2%", comparison.Gates[0].Reason, StringComparison.Ordinal);
    }
}
