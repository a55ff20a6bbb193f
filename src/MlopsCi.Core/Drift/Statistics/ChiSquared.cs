using MathNet.Numerics;

namespace MlopsCi.Core.Drift.Statistics;

/// <summary>Pearson's chi-squared test of homogeneity: do two samples of a categorical column share one distribution?</summary>
internal static class ChiSquared
{
    /// <summary>P(X ≥ <paramref name="statistic"/>) for X ~ χ²(<paramref name="degreesOfFreedom"/>) = Q(df / 2, x / 2).</summary>
    public static double SurvivalFunction(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        return statistic <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2.0);
    }

    /// <summary>
    /// The 2 × k table test on counts per category (same order in both lists). Categories absent from both samples are
    /// left out; with fewer than two categories there is nothing to test (statistic 0, p-value 1, no degrees of freedom).
    /// </summary>
    public static TestResult Homogeneity(IReadOnlyList<long> baseline, IReadOnlyList<long> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (baseline.Count != current.Count)
            throw new ArgumentException("Both samples need a count for every category.", nameof(current));
        double baseTotal = baseline.Sum(), currentTotal = current.Sum();
        var total = baseTotal + currentTotal;
        if (baseTotal == 0 || currentTotal == 0)
            return new TestResult(0, 1);
        double statistic = 0;
        var categories = 0;
        for (var i = 0; i < baseline.Count; i++)
        {
            double column = baseline[i] + current[i];
            if (column == 0)
                continue;
            categories++;
            var expectedBase = baseTotal * column / total;
            var expectedCurrent = currentTotal * column / total;
            statistic += ((baseline[i] - expectedBase) * (baseline[i] - expectedBase) / expectedBase)
                + ((current[i] - expectedCurrent) * (current[i] - expectedCurrent) / expectedCurrent);
        }

        if (categories < 2)
            return new TestResult(0, 1);
        return new TestResult(statistic, SurvivalFunction(statistic, categories - 1), categories - 1);
    }
}
