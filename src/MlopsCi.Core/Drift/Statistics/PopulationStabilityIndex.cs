namespace MlopsCi.Core.Drift.Statistics;

/// <summary>
/// Population stability index, Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ) over bins with expected (baseline) share eᵢ and actual
/// (current) share aᵢ. A share of 0 becomes <see cref="Epsilon"/> so empty bins count as large shifts, not infinities.
/// Rule of thumb: below 0.1 stable, 0.1–0.2 moderate, above 0.2 significant.
/// </summary>
internal static class PopulationStabilityIndex
{
    /// <summary>The share used for an empty bin.</summary>
    public const double Epsilon = 1e-4;

    /// <summary>Bins for numeric columns: the baseline's deciles.</summary>
    public const int DefaultBins = 10;

    /// <summary>PSI of two count vectors over the same bins or categories.</summary>
    public static double FromCounts(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Count != actual.Count)
            throw new ArgumentException("Both samples need a count for every bin.", nameof(actual));
        double expectedTotal = expected.Sum(), actualTotal = actual.Sum(), psi = 0;
        if (expectedTotal == 0 || actualTotal == 0)
            return double.NaN;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = Math.Max(expected[i] / expectedTotal, Epsilon);
            var a = Math.Max(actual[i] / actualTotal, Epsilon);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>PSI of a numeric column over bins cut at the baseline's quantiles (right-closed, open-ended outer bins).</summary>
    public static double Numeric(IReadOnlyList<double> sortedBaseline, IReadOnlyList<double> current, int bins = DefaultBins)
    {
        var edges = QuantileEdges(sortedBaseline, bins);
        return FromCounts(Count(sortedBaseline, edges), Count(current, edges));
    }

    /// <summary>
    /// The inner cut points: for q = 1/bins … (bins−1)/bins the baseline value at rank ⌈q·n⌉ (an observed value, so ties
    /// stay in one bin), duplicates removed. A constant column has one cut point and two bins.
    /// </summary>
    public static double[] QuantileEdges(IReadOnlyList<double> sorted, int bins)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        if (sorted.Count == 0)
            return [];
        var edges = new List<double>(bins - 1);
        for (var k = 1; k < bins; k++)
        {
            var rank = (int)Math.Ceiling((double)k * sorted.Count / bins);
            var edge = sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
            if (edges.Count == 0 || edge > edges[^1])
                edges.Add(edge);
        }

        return [.. edges];
    }

    /// <summary>How many values fall in each bin: bin k holds (edge[k−1], edge[k]]; the last bin everything above.</summary>
    public static long[] Count(IReadOnlyList<double> values, double[] edges)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(edges);
        var counts = new long[edges.Length + 1];
        foreach (var value in values)
        {
            var index = Array.BinarySearch(edges, value);
            counts[index >= 0 ? index : ~index]++;
        }

        return counts;
    }
}
