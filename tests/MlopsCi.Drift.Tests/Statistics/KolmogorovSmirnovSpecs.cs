using MlopsCi.Core.Drift.Statistics;

namespace MlopsCi.Drift.Tests.Statistics;

// Reference values: scipy 1.10 — stats.ks_2samp(a, b).statistic and stats.kstwobign.sf(sqrt(n·m/(n+m))·D).
public sealed class KolmogorovSmirnovSpecs
{
    private static readonly double[] Small =
        [0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.52, -0.73, -1.87, 0.23];

    [Theory]
    [InlineData(0.3, 0.9999906941986655)]
    [InlineData(0.5, 0.9639452436648751)]
    [InlineData(0.8, 0.5441424115741981)]
    [InlineData(1.0, 0.26999967167735456)]
    [InlineData(1.17, 0.12939004218561884)]
    [InlineData(1.19, 0.11774229287977166)]
    [InlineData(1.36, 0.049485876755377876)]
    [InlineData(1.5, 0.022217962616525127)]
    [InlineData(2.0, 0.0006709252557796953)]
    [InlineData(3.0, 3.045995948942526e-08)]
    public void The_Kolmogorov_survival_function_matches_scipy_on_both_sides_of_the_series_switch(double lambda, double expected) =>
        AssertClose(expected, KolmogorovSmirnov.Survival(lambda), 1e-12);

    [Fact]
    public void The_classic_five_percent_critical_value_gives_a_p_value_of_five_percent() =>
        AssertClose(0.05, KolmogorovSmirnov.Survival(1.3581), 1e-4);

    [Fact]
    public void A_shifted_small_sample_matches_scipy()
    {
        var a = Sorted(Small);
        var b = Sorted(Small.Take(20).Select(x => x + 0.9));

        var result = KolmogorovSmirnov.TwoSample(a, b);

        AssertClose(0.51, result.Statistic, 1e-12);
        AssertClose(0.006177430634444117, result.PValue, 1e-10);
    }

    [Fact]
    public void Two_overlapping_grids_match_scipy()
    {
        var a = Enumerable.Range(0, 200).Select(i => i / 100.0).ToArray();
        var b = Enumerable.Range(0, 150).Select(j => 0.3 + (j / 120.0)).ToArray();

        var result = KolmogorovSmirnov.TwoSample(a, b);

        AssertClose(0.225, result.Statistic, 1e-12);
        AssertClose(0.0003403880566793644, result.PValue, 1e-12);
    }

    [Fact]
    public void Tied_values_step_both_distribution_functions_together()
    {
        double[] a = [1, 1, 2, 2, 2, 3, 3, 4, 5, 5];
        double[] b = [1, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 5];

        var result = KolmogorovSmirnov.TwoSample(a, b);

        AssertClose(0.25, result.Statistic, 1e-12);
        AssertClose(0.8848876530440944, result.PValue, 1e-10);
    }

    [Fact]
    public void Identical_samples_have_no_distance_and_a_p_value_of_one()
    {
        var a = Sorted(Small);

        var result = KolmogorovSmirnov.TwoSample(a, a);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Disjoint_samples_are_at_the_maximum_distance_of_one()
    {
        var result = KolmogorovSmirnov.TwoSample([1, 2, 3], [4, 5, 6, 7]);

        Assert.Equal(1, result.Statistic);
    }

    private static double[] Sorted(IEnumerable<double> values) => [.. values.Order()];

    private static void AssertClose(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R} (tolerance {tolerance})");
}
