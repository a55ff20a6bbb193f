namespace MlopsCi.Core.Drift.Statistics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test: D = sup |F₁(x) − F₂(x)| over the two empirical distribution functions, and its
/// asymptotic p-value Q_KS(√(nm / (n + m)) · D) from Kolmogorov's limiting distribution (as scipy's <c>kstwobign.sf</c>).
/// The rest of the statistics come from MathNet.Numerics, which has no Kolmogorov distribution; its two series are here.
/// </summary>
internal static class KolmogorovSmirnov
{
    /// <summary>Tests two samples, each sorted ascending (NaN-free).</summary>
    public static TestResult TwoSample(IReadOnlyList<double> sortedBaseline, IReadOnlyList<double> sortedCurrent)
    {
        var d = Statistic(sortedBaseline, sortedCurrent);
        double n = sortedBaseline.Count, m = sortedCurrent.Count;
        return new TestResult(d, Survival(Math.Sqrt(n * m / (n + m)) * d));
    }

    /// <summary>D, the largest distance between the empirical distribution functions (ties stepped together).</summary>
    public static double Statistic(IReadOnlyList<double> sortedBaseline, IReadOnlyList<double> sortedCurrent)
    {
        ArgumentNullException.ThrowIfNull(sortedBaseline);
        ArgumentNullException.ThrowIfNull(sortedCurrent);
        if (sortedBaseline.Count == 0 || sortedCurrent.Count == 0)
            throw new ArgumentException("Both samples need at least one value.");
        double n = sortedBaseline.Count, m = sortedCurrent.Count, d = 0;
        int i = 0, j = 0;
        while (i < sortedBaseline.Count && j < sortedCurrent.Count)
        {
            var x = Math.Min(sortedBaseline[i], sortedCurrent[j]);
            while (i < sortedBaseline.Count && sortedBaseline[i] <= x)
                i++;
            while (j < sortedCurrent.Count && sortedCurrent[j] <= x)
                j++;
            d = Math.Max(d, Math.Abs((i / n) - (j / m)));
        }

        return d;
    }

    /// <summary>
    /// Q_KS(λ) = P(K &gt; λ) = 2 Σ (−1)^(j−1) e^(−2j²λ²); below λ = 1.18 the equivalent theta-function form
    /// 1 − (√(2π) / λ) Σ e^(−(2j−1)²π² / (8λ²)) is used, which converges fast there.
    /// </summary>
    public static double Survival(double lambda)
    {
        if (!(lambda > 0))
            return 1;
        double sum = 0;
        if (lambda < 1.18)
        {
            var factor = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (var j = 1; j <= 100; j++)
            {
                var term = Math.Exp(factor * (2 * j - 1) * (2 * j - 1));
                sum += term;
                if (term < 1e-17 * sum)
                    break;
            }

            return Math.Clamp(1 - (Math.Sqrt(2 * Math.PI) / lambda * sum), 0, 1);
        }

        for (var j = 1; j <= 100; j++)
        {
            var term = Math.Exp(-2.0 * j * j * lambda * lambda);
            sum += (j % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-17 * Math.Abs(sum))
                break;
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
