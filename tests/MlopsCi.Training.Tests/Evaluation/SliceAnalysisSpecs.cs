using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Training.Tests.Evaluation;

public sealed class SliceAnalysisSpecs
{
    /// <summary>600 regression rows in three origins (300 A, 280 B, 20 C); the candidate is the baseline except far off on B.</summary>
    private static (Predictions Baseline, Predictions Candidate) WorseOnB()
    {
        var random = new Random(9);
        var origins = Enumerable.Range(0, 600).Select(i => i < 300 ? "A" : i < 580 ? "B" : "C").ToArray();
        var labels = origins.Select(_ => random.NextDouble() * 10).ToArray();
        var baseline = labels.Select(l => l + random.NextDouble() - 0.5).ToArray();
        var candidate = baseline.Select((p, i) => origins[i] == "B" ? p + ((random.NextDouble() - 0.5) * 8) : p).ToArray();
        var slices = new Dictionary<string, string[]> { ["origin"] = origins };
        return (new Predictions(ModelTask.Regression, [], labels, baseline, null, null) { Slices = slices },
                new Predictions(ModelTask.Regression, [], labels, candidate, null, null) { Slices = slices });
    }

    [Fact]
    public void The_slice_that_got_significantly_worse_comes_first_and_small_slices_are_listed_as_too_small()
    {
        var (baseline, candidate) = WorseOnB();

        var slices = SliceAnalysis.Compare(baseline, candidate, MetricNames.R2, BootstrapOptions.Default);

        Assert.Equal(["B", "A", "C"], slices.Select(s => s.Value));
        Assert.Equal((280, Verdict.Worse, true), (slices[0].Rows, slices[0].Comparison!.Verdict, slices[0].Worse));
        Assert.Equal((Verdict.NoSignificantChange, 0.0), (slices[1].Comparison!.Verdict, slices[1].Comparison!.Delta));
        Assert.Equal((20, null, "too small (under 30 rows)"), (slices[2].Rows, slices[2].Comparison, slices[2].Note));
        // The slice's numbers are the whole-set metric computed on the slice's rows only.
        var onB = baseline.Slices!["origin"].Select(o => o == "B").ToArray();
        Assert.Equal(MetricCalculator.Compute(candidate.Where(onB))[MetricNames.R2], slices[0].Comparison!.Candidate, 12);
    }

    [Fact]
    public void One_models_metric_per_slice_value_is_part_of_its_error_analysis()
    {
        var (_, candidate) = WorseOnB();

        var analysis = ErrorAnalysis.Of(candidate, MetricNames.R2);

        Assert.Equal([("origin", "A", 300), ("origin", "B", 280), ("origin", "C", 20)], analysis.Slices.Select(s => (s.Column, s.Value, s.Rows)));
        Assert.True(analysis.Slices[0].Score > analysis.Slices[1].Score, "the candidate is worse on B");
        Assert.Null(analysis.Confusion);
    }

    [Fact]
    public void A_column_of_many_values_keeps_its_largest_slices_only()
    {
        // 1,000 rows: value "big" on 500, then 500 values of one row each (an id-like column).
        var labels = Enumerable.Range(0, 1_000).Select(i => (double)i).ToArray();
        var model = new Predictions(ModelTask.Regression, [], labels, labels, null, null)
        {
            Slices = new Dictionary<string, string[]> { ["id"] = [.. labels.Select(i => i < 500 ? "big" : $"row-{i}")] },
        };

        var slices = SliceAnalysis.Compare(model, model, MetricNames.R2, new BootstrapOptions(100));

        Assert.Equal(SliceAnalysis.MaxValues, slices.Count);
        Assert.Equal(("big", 500), (slices[0].Value, slices[0].Rows));
        Assert.Equal(SliceAnalysis.MaxValues, ErrorAnalysis.Of(model, MetricNames.R2).Slices.Count);
    }

    [Fact]
    public void A_metric_undefined_on_a_slice_is_said_so()
    {
        // AUC on a slice that holds only positives is undefined.
        var labels = Enumerable.Range(0, 80).Select(i => i < 40 ? (double)(i % 2) : 1.0).ToArray();
        var scores = labels.Select((l, i) => l + (i % 7 * 0.1)).ToArray();
        var model = new Predictions(ModelTask.Binary, ["no", "yes"], labels, [.. scores.Select(s => s > 0.5 ? 1.0 : 0.0)], scores, null)
        {
            Slices = new Dictionary<string, string[]> { ["group"] = [.. labels.Select((_, i) => i < 40 ? "mixed" : "positive")] },
        };

        var slices = SliceAnalysis.Compare(model, model, MetricNames.Auc, new BootstrapOptions(200));

        Assert.Equal(("positive", "auc is undefined on these rows"), (slices[^1].Value, slices[^1].Note));
        Assert.Equal(("mixed", Verdict.NoSignificantChange), (slices[0].Value, slices[0].Comparison!.Verdict));
    }
}
