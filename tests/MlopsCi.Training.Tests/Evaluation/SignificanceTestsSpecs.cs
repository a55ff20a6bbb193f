using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Training.Tests.Evaluation;

/// <summary>
/// DeLong's and McNemar's tests against values worked out independently: by hand (the small examples, with the p-values
/// from Python's statistics.NormalDist and math.comb), and DeLong's z against the textbook O(m·n) placement values.
/// </summary>
public sealed class SignificanceTestsSpecs
{
    private static Predictions Binary(double[] labels, double[] scores, double threshold = 0.5) =>
        new(ModelTask.Binary, ["no", "yes"], labels, [.. scores.Select(s => s > threshold ? 1.0 : 0.0)], scores, null);

    /// <summary>Rows where main and the PR are right or wrong as given (binary labels all 1; right = predicted 1).</summary>
    private static (Predictions Baseline, Predictions Candidate) Paired(int bothRight, int onlyBaseline, int onlyCandidate, int bothWrong)
    {
        var rows = new List<(double Base, double Candidate)>();
        rows.AddRange(Enumerable.Repeat((1.0, 1.0), bothRight));
        rows.AddRange(Enumerable.Repeat((1.0, 0.0), onlyBaseline));
        rows.AddRange(Enumerable.Repeat((0.0, 1.0), onlyCandidate));
        rows.AddRange(Enumerable.Repeat((0.0, 0.0), bothWrong));
        var labels = rows.Select(_ => 1.0).ToArray();
        return (Binary(labels, [.. rows.Select(r => r.Base)]), Binary(labels, [.. rows.Select(r => r.Candidate)]));
    }

    [Fact]
    public void McNemar_counts_only_the_rows_one_model_got_right()
    {
        var (baseline, candidate) = Paired(bothRight: 20, onlyBaseline: 1, onlyCandidate: 9, bothWrong: 3);

        var test = SignificanceTests.McNemar(baseline, candidate)!;

        // Two-sided exact binomial: 2 · P(X ≤ 1 | n = 10, p = ½) = 2 · (1 + 10) / 1024.
        Assert.Equal(0.021484375, test.PValue, 12);
        Assert.Equal((1.0, Verdict.Better, MetricNames.Accuracy), (test.Statistic, test.Verdict, test.Metric));
        Assert.Equal((21.0 / 33, 29.0 / 33), (test.Baseline, test.Candidate));
        Assert.Contains("1 row only the baseline got right, 9 only the candidate, p = 0.021", test.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void McNemar_on_a_multiclass_model_tests_micro_accuracy()
    {
        // 8 rows only main got right, 22 only the PR: 2 · Σ_{k≤8} C(30, k) / 2^30.
        var labels = Enumerable.Range(0, 40).Select(i => (double)(i % 3)).ToArray();
        var basePredicted = labels.Select((l, i) => i < 8 || i >= 30 ? l : (l + 1) % 3).ToArray();
        var candidatePredicted = labels.Select((l, i) => i >= 8 ? l : (l + 2) % 3).ToArray();
        var baseline = new Predictions(ModelTask.Multiclass, ["a", "b", "c"], labels, basePredicted, null, null);
        var candidate = new Predictions(ModelTask.Multiclass, ["a", "b", "c"], labels, candidatePredicted, null, null);

        var test = SignificanceTests.McNemar(baseline, candidate)!;

        Assert.Equal(0.016124801710247993, test.PValue, 12);
        Assert.Equal((MetricNames.MicroAccuracy, Verdict.Better), (test.Metric, test.Verdict));
    }

    [Fact]
    public void McNemar_with_as_many_discordant_rows_each_way_finds_no_change()
    {
        var (baseline, candidate) = Paired(bothRight: 50, onlyBaseline: 5, onlyCandidate: 5, bothWrong: 5);

        var test = SignificanceTests.McNemar(baseline, candidate)!;

        Assert.Equal((1.0, Verdict.NoSignificantChange), (test.PValue, test.Verdict));
    }

    [Fact]
    public void DeLong_matches_a_hand_worked_example()
    {
        // Positives score (0.9, 0.8, 0.4) and (0.7, 0.6, 0.2), negatives (0.5, 0.3) and (0.65, 0.1): AUC 5/6 and 2/3.
        // Placements: V10 = (1, 1, ½) and (1, ½, ½), V01 = (⅔, 1) and (⅓, 1); S10 = [[1/12, 1/24], [1/24, 1/12]],
        // S01 = [[1/18, 1/9], [1/9, 2/9]]; Var = (1/12)/3 + (1/18)/2 = 1/18; z = (−1/6)/√(1/18) = −1/√2.
        double[] labels = [1, 1, 1, 0, 0];
        var baseline = Binary(labels, [0.9, 0.8, 0.4, 0.5, 0.3]);
        var candidate = Binary(labels, [0.7, 0.6, 0.2, 0.65, 0.1]);

        var test = SignificanceTests.DeLong(baseline, candidate)!;

        Assert.Equal(5.0 / 6, test.Baseline, 12);
        Assert.Equal(2.0 / 3, test.Candidate, 12);
        Assert.Equal(-1 / Math.Sqrt(2), test.Statistic, 12);
        Assert.Equal(0.4795001221869535, test.PValue, 9);
        Assert.Equal((SignificanceTests.DeLongName, MetricNames.Auc, Verdict.NoSignificantChange), (test.Test, test.Metric, test.Verdict));
    }

    [Fact]
    public void DeLong_agrees_with_the_textbook_placement_values_on_tied_scores()
    {
        var random = new Random(7);
        var labels = Enumerable.Range(0, 300).Select(_ => random.NextDouble() < 0.4 ? 1.0 : 0.0).ToArray();
        // Scores rounded to one decimal: many ties, which both computations count as half.
        var baseScores = labels.Select(l => Math.Round(l + (random.NextDouble() * 2.5), 1)).ToArray();
        var candidateScores = labels.Select(l => Math.Round(l + (random.NextDouble() * 1.5), 1)).ToArray();

        var test = SignificanceTests.DeLong(Binary(labels, baseScores), Binary(labels, candidateScores))!;

        var (aucB, aucC, z) = NaiveDeLong(labels, baseScores, candidateScores);
        Assert.Equal(aucB, test.Baseline, 12);
        Assert.Equal(aucC, test.Candidate, 12);
        Assert.Equal(z, test.Statistic, 9);
        Assert.Equal(Verdict.Better, test.Verdict);
        Assert.True(test.PValue < 0.001, test.Detail);
    }

    [Fact]
    public void The_tests_ride_along_with_the_bootstrap_and_say_whether_they_agree()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 600).Select(_ => random.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray();
        var baseline = Binary(labels, [.. labels.Select(l => l + (random.NextDouble() * 3) - 1.5)], 0);
        var candidate = Binary(labels, [.. labels.Select(l => l + random.NextDouble() - 0.5)], 0);

        var comparison = PairedBootstrap.Compare(baseline, candidate, [], BootstrapOptions.Default);

        Assert.Equal([SignificanceTests.DeLongName, SignificanceTests.McNemarName], comparison.Tests.Select(t => t.Test));
        Assert.All(comparison.Tests, t => Assert.Equal((Verdict.Better, true), (t.Verdict, t.AgreesWithBootstrap)));
        Assert.Equal(comparison[MetricNames.Auc]!.Candidate, comparison.Tests[0].Candidate, 12);
        Assert.Equal(comparison[MetricNames.Accuracy]!.Candidate, comparison.Tests[1].Candidate, 12);
    }

    [Fact]
    public void A_regression_comparison_has_no_tests()
    {
        var labels = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
        var model = new Predictions(ModelTask.Regression, [], labels, labels, null, null);

        Assert.Empty(PairedBootstrap.Compare(model, model, [], new BootstrapOptions(100)).Tests);
    }

    // DeLong et al. (1988) as written: ψ over every (positive, negative) pair, sample covariances with m − 1 and n − 1.
    private static (double AucB, double AucC, double Z) NaiveDeLong(double[] labels, double[] b, double[] c)
    {
        var pos = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 1).ToArray();
        var neg = Enumerable.Range(0, labels.Length).Where(i => labels[i] == 0).ToArray();
        static double Psi(double x, double y) => x > y ? 1 : x == y ? 0.5 : 0;
        double[] V10(double[] s) => [.. pos.Select(i => neg.Average(j => Psi(s[i], s[j])))];
        double[] V01(double[] s) => [.. neg.Select(j => pos.Average(i => Psi(s[i], s[j])))];
        static double Cov(double[] x, double[] y) => x.Select((v, i) => (v - x.Average()) * (y[i] - y.Average())).Sum() / (x.Length - 1);
        var (b10, c10, b01, c01) = (V10(b), V10(c), V01(b), V01(c));
        var variance = ((Cov(b10, b10) + Cov(c10, c10) - (2 * Cov(b10, c10))) / pos.Length) + ((Cov(b01, b01) + Cov(c01, c01) - (2 * Cov(b01, c01))) / neg.Length);
        return (b10.Average(), c10.Average(), (c10.Average() - b10.Average()) / Math.Sqrt(variance));
    }
}
