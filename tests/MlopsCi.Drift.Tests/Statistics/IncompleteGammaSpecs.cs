using MathNet.Numerics;
using MlopsCi.Core.Drift.Statistics;

namespace MlopsCi.Drift.Tests.Statistics;

// The χ² p-values stand on MathNet.Numerics' regularized incomplete gamma functions: these pin them at the accuracy the
// drift report relies on. Reference values: scipy 1.10 — special.gammainc, special.gammaincc, special.gammaln.
public sealed class IncompleteGammaSpecs
{
    [Theory]
    [InlineData(0.5, 0.1, 0.34527915398142317, 0.6547208460185768)]
    [InlineData(1, 1, 0.6321205588285577, 0.36787944117144245)]
    [InlineData(3, 2.5, 0.45618688411667035, 0.5438131158833297)]
    [InlineData(10, 12, 0.7576078383294875, 0.24239216167051245)]
    [InlineData(50, 40, 0.07033506665939494, 0.9296649333406051)]
    [InlineData(500, 520, 0.8153088509012563, 0.18469114909874365)]
    [InlineData(2.5, 30, 0.9999999999878454, 1.2154569777183007e-11)]
    public void The_regularized_functions_match_scipy(double a, double x, double lower, double upper)
    {
        Assert.True(Math.Abs(lower - SpecialFunctions.GammaLowerRegularized(a, x)) <= 1e-12, $"P({a}, {x}) = {SpecialFunctions.GammaLowerRegularized(a, x):R}, expected {lower:R}");
        Assert.True(Math.Abs(upper - SpecialFunctions.GammaUpperRegularized(a, x)) <= 1e-12 * Math.Max(upper, 1e-3), $"Q({a}, {x}) = {SpecialFunctions.GammaUpperRegularized(a, x):R}, expected {upper:R}");
    }

    [Theory]
    [InlineData(0.1, 2.252712651734206)]
    [InlineData(0.5, 0.5723649429247)]
    [InlineData(1, 0.0)]
    [InlineData(4.5, 2.4537365708424423)]
    [InlineData(10, 12.801827480081469)]
    [InlineData(171.3, 708.1149470389971)]
    public void Log_gamma_matches_scipy(double x, double expected) =>
        Assert.True(Math.Abs(expected - SpecialFunctions.GammaLn(x)) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"lnΓ({x}) = {SpecialFunctions.GammaLn(x):R}");

    [Fact]
    public void With_shape_one_the_upper_function_is_the_exponential_tail()
    {
        foreach (var x in new[] { 0.01, 0.5, 2, 7, 40 })
            Assert.Equal(Math.Exp(-x), SpecialFunctions.GammaUpperRegularized(1, x), 14);
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquared.SurvivalFunction(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.GammaLowerRegularized(1, -1));
    }
}
