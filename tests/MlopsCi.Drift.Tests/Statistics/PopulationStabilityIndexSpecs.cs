using MlopsCi.Core.Drift.Statistics;

namespace MlopsCi.Drift.Tests.Statistics;

public sealed class PopulationStabilityIndexSpecs
{
    [Fact]
    public void Category_shares_give_the_hand_computed_index()
    {
        // Shares 50/30/20% → 30/30/40%: (0.3 − 0.5)·ln(0.3/0.5) + 0 + (0.4 − 0.2)·ln(0.4/0.2) = 0.2·ln(10/3).
        var psi = PopulationStabilityIndex.FromCounts([50, 30, 20], [30, 30, 40]);

        Assert.Equal(0.2 * Math.Log(10.0 / 3), psi, 12);
        Assert.Equal(0.2408, psi, 4);
    }

    [Fact]
    public void An_empty_bin_counts_as_a_share_of_epsilon_instead_of_infinity()
    {
        // 100/0% → 50/50%: (0.5 − 1)·ln(0.5/1) + (0.5 − 1e-4)·ln(0.5/1e-4).
        var psi = PopulationStabilityIndex.FromCounts([100, 0], [50, 50]);

        Assert.Equal((0.5 * Math.Log(2)) + (0.4999 * Math.Log(5000)), psi, 12);
    }

    [Fact]
    public void Identical_distributions_are_perfectly_stable() =>
        Assert.Equal(0, PopulationStabilityIndex.FromCounts([10, 20, 30], [20, 40, 60]), 12);

    [Fact]
    public void Numeric_bins_are_cut_at_the_baselines_deciles()
    {
        var baseline = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80, 90], PopulationStabilityIndex.QuantileEdges(baseline, 10));
    }

    [Fact]
    public void A_shifted_numeric_sample_gives_the_hand_computed_index()
    {
        // Baseline 1..100: ten bins of 10%. Current 51..150: five empty bins (ε), four of 10%, and 60% above 90.
        var baseline = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var current = Enumerable.Range(51, 100).Select(i => (double)i).ToArray();

        var psi = PopulationStabilityIndex.Numeric(baseline, current);

        Assert.Equal((5 * (1e-4 - 0.1) * Math.Log(1e-4 / 0.1)) + (0.5 * Math.Log(6)), psi, 12);
    }

    [Fact]
    public void Tied_baseline_values_stay_in_one_bin()
    {
        double[] baseline = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4];

        var edges = PopulationStabilityIndex.QuantileEdges(baseline, 10);

        Assert.Equal([0, 1, 2, 3], edges);
        Assert.Equal([6, 1, 1, 1, 1], PopulationStabilityIndex.Count(baseline, edges));
    }

    [Fact]
    public void The_same_numeric_sample_is_stable() =>
        Assert.Equal(0, PopulationStabilityIndex.Numeric([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), 12);
}
