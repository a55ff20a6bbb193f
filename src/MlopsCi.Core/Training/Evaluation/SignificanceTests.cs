using System.Globalization;
using MathNet.Numerics.Distributions;
using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// DeLong's test for the difference of two correlated AUCs (DeLong, DeLong and Clarke-Pearson 1988, with the midrank
/// computation of Sun and Xu 2014) and McNemar's exact test for paired accuracy (a two-sided binomial test of the rows
/// only one model got right), on the same rows as the bootstrap.
/// </summary>
public static class SignificanceTests
{
    /// <summary>Name of DeLong's test.</summary>
    public const string DeLongName = "DeLong";

    /// <summary>Name of McNemar's exact test.</summary>
    public const string McNemarName = "McNemar (exact)";

    /// <summary>The tests that apply to the task, each marked whether it agrees with <paramref name="bootstrap"/>.</summary>
    public static IReadOnlyList<SignificanceTest> For(Predictions baseline, Predictions candidate, IReadOnlyList<MetricComparison> bootstrap, double confidence)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        var alpha = 1 - confidence;
        var tests = new[] { DeLong(baseline, candidate, alpha), McNemar(baseline, candidate, alpha) };
        return [.. tests.OfType<SignificanceTest>().Select(t => t with
        {
            AgreesWithBootstrap = bootstrap.FirstOrDefault(m => m.Metric == t.Metric) is { } m ? m.Verdict == t.Verdict : null,
        })];
    }

    /// <summary>DeLong's test of candidate AUC − baseline AUC (binary); null for other tasks, one class, or no variance.</summary>
    public static SignificanceTest? DeLong(Predictions baseline, Predictions candidate, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Task != ModelTask.Binary || candidate.Task != ModelTask.Binary)
            return null;
        var positive = Enumerable.Range(0, baseline.Count).Where(i => baseline.Labels[i] > 0.5).ToArray();
        var negative = Enumerable.Range(0, baseline.Count).Where(i => baseline.Labels[i] <= 0.5).ToArray();
        var (m, n) = (positive.Length, negative.Length);
        if (m < 2 || n < 2)
            return null;
        var (aucB, v10B, v01B) = Components(baseline.Scores ?? baseline.Probabilities ?? baseline.Predicted, positive, negative);
        var (aucC, v10C, v01C) = Components(candidate.Scores ?? candidate.Probabilities ?? candidate.Predicted, positive, negative);
        var variance = ((Covariance(v10B, v10B) + Covariance(v10C, v10C) - (2 * Covariance(v10B, v10C))) / m)
            + ((Covariance(v01B, v01B) + Covariance(v01C, v01C) - (2 * Covariance(v01B, v01C))) / n);
        var delta = aucC - aucB;
        double z, p;
        if (variance > 1e-300)
        {
            z = delta / Math.Sqrt(variance);
            p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
        }
        else if (Math.Abs(delta) < 1e-15)
            (z, p) = (0, 1);
        else
            return null; // no spread at all (e.g. perfect separation by both): the normal approximation says nothing
        return new SignificanceTest(DeLongName, MetricNames.Auc, aucB, aucC, z, p, VerdictOf(delta, p, alpha),
            $"z = {F(z)}, p = {P(p)} ({m.ToString("N0", CultureInfo.InvariantCulture)} positive, {n.ToString("N0", CultureInfo.InvariantCulture)} negative rows)");
    }

    /// <summary>
    /// McNemar's exact test of candidate accuracy − baseline accuracy (binary: accuracy, multiclass: micro-accuracy);
    /// null for regression. Only the discordant rows count: b rows only the baseline got right, c only the candidate.
    /// </summary>
    public static SignificanceTest? McNemar(Predictions baseline, Predictions candidate, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Task == ModelTask.Regression || baseline.Count == 0)
            return null;
        int b = 0, c = 0, baseRight = 0, candidateRight = 0;
        for (var i = 0; i < baseline.Count; i++)
        {
            var baseOk = (int)baseline.Predicted[i] == (int)baseline.Labels[i];
            var candidateOk = (int)candidate.Predicted[i] == (int)candidate.Labels[i];
            (baseRight, candidateRight) = (baseRight + (baseOk ? 1 : 0), candidateRight + (candidateOk ? 1 : 0));
            if (baseOk && !candidateOk)
                b++;
            else if (candidateOk && !baseOk)
                c++;
        }

        var discordant = b + c;
        var p = discordant == 0 ? 1 : Math.Min(1, 2 * Binomial.CDF(0.5, discordant, Math.Min(b, c)));
        var metric = baseline.Task == ModelTask.Binary ? MetricNames.Accuracy : MetricNames.MicroAccuracy;
        return new SignificanceTest(McNemarName, metric, (double)baseRight / baseline.Count, (double)candidateRight / baseline.Count, Math.Min(b, c), p, VerdictOf(c - b, p, alpha),
            $"{Rows(b)} only the baseline got right, {c.ToString("N0", CultureInfo.InvariantCulture)} only the candidate, p = {P(p)}");
    }

    // Placement values by midranks: V10[i] is the share of negatives positive i outscores (ties half), V01[j] the share of
    // positives that outscore negative j; their means are the AUC.
    private static (double Auc, double[] V10, double[] V01) Components(double[] scores, int[] positive, int[] negative)
    {
        var (m, n) = (positive.Length, negative.Length);
        var x = positive.Select(i => scores[i]).ToArray();
        var y = negative.Select(i => scores[i]).ToArray();
        var tx = Midranks(x);
        var ty = Midranks(y);
        var tz = Midranks([.. x, .. y]);
        var v10 = new double[m];
        var v01 = new double[n];
        for (var i = 0; i < m; i++)
            v10[i] = (tz[i] - tx[i]) / n;
        for (var j = 0; j < n; j++)
            v01[j] = 1 - ((tz[m + j] - ty[j]) / m);
        return (v10.Average(), v10, v01);
    }

    private static double[] Midranks(double[] values)
    {
        // Sorting a copy of the keys with the row indices beside them is the runtime's fast path (no comparison delegate).
        var sorted = (double[])values.Clone();
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(sorted, order);
        var ranks = new double[values.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && sorted[j] == sorted[i])
                j++;
            var midrank = ((i + 1) + j) / 2.0;
            for (var k = i; k < j; k++)
                ranks[order[k]] = midrank;
            i = j;
        }

        return ranks;
    }

    private static double Covariance(double[] a, double[] b)
    {
        var (meanA, meanB) = (a.Average(), b.Average());
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += (a[i] - meanA) * (b[i] - meanB);
        return sum / (a.Length - 1);
    }

    private static Verdict VerdictOf(double delta, double p, double alpha) =>
        p >= alpha || delta == 0 ? Verdict.NoSignificantChange : delta > 0 ? Verdict.Better : Verdict.Worse;

    private static string Rows(int n) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} row{(n == 1 ? "" : "s")}";

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A p-value as people read it: 0.034, or "&lt; 0.001".</summary>
    public static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.###", CultureInfo.InvariantCulture);
}
