using MlopsCi.Core.Drift.Statistics;

namespace MlopsCi.Drift.Tests.Statistics;

// Reference values: scipy 1.10 — stats.chi2.sf(x, df), stats.chi2_contingency(table, correction=False).
public sealed class ChiSquaredSpecs
{
    [Theory]
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(5.991464547107979, 2, 0.05)]
    [InlineData(18.307038053275146, 10, 0.05)]
    [InlineData(0.5, 3, 0.9188914116546758)]
    [InlineData(100, 80, 0.064570368921133)]
    [InlineData(1000, 999, 0.48513148927490146)]
    [InlineData(30, 4, 4.894437128029217e-06)]
    public void The_p_value_matches_the_chi_squared_distribution(double statistic, int degreesOfFreedom, double expected) =>
        AssertRelative(expected, ChiSquared.SurvivalFunction(statistic, degreesOfFreedom), 1e-9);

    [Theory]
    [InlineData(0.7)]
    [InlineData(4.2)]
    [InlineData(25)]
    public void With_two_degrees_of_freedom_the_p_value_is_the_closed_form_exponential(double statistic) =>
        AssertRelative(Math.Exp(-statistic / 2), ChiSquared.SurvivalFunction(statistic, 2), 1e-12);

    [Fact]
    public void A_two_by_three_table_matches_scipys_contingency_test()
    {
        var result = ChiSquared.Homogeneity([30, 50, 20], [25, 40, 45]);

        AssertRelative(10.729179910998093, result.Statistic, 1e-12);
        AssertRelative(0.00467937860068816, result.PValue, 1e-9);
        Assert.Equal(2, result.DegreesOfFreedom);
    }

    [Fact]
    public void Categories_absent_from_both_samples_add_no_degree_of_freedom()
    {
        var result = ChiSquared.Homogeneity([30, 0, 50, 20], [25, 0, 40, 45]);

        Assert.Equal(2, result.DegreesOfFreedom);
        AssertRelative(10.729179910998093, result.Statistic, 1e-12);
    }

    [Fact]
    public void A_single_category_cannot_be_tested_and_is_not_significant()
    {
        var result = ChiSquared.Homogeneity([10, 0], [7, 0]);

        Assert.Equal(1, result.PValue);
        Assert.Null(result.DegreesOfFreedom);
    }

    [Fact]
    public void Proportional_samples_have_a_statistic_of_zero() =>
        Assert.Equal(0, ChiSquared.Homogeneity([10, 20, 30], [20, 40, 60]).Statistic, 12);

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(Math.Abs(expected), 1e-300), $"expected {expected:R}, got {actual:R}");
}
