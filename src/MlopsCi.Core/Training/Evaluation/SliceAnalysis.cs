using System.Globalization;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Metrics per slice: the evaluation rows grouped by the value of each slice column (<c>model.slices</c>), one model's
/// metric per group, and two models compared per group with the same paired bootstrap as the whole set. Slices under
/// <see cref="MinRows"/> rows are listed as too small: their intervals would say nothing.
/// </summary>
public static class SliceAnalysis
{
    /// <summary>The fewest rows a slice needs to be compared.</summary>
    public const int MinRows = 30;

    /// <summary>
    /// The most values of one column that are analysed (the largest slices): a column of ids would otherwise fill the run
    /// record and the report with one-row slices.
    /// </summary>
    public const int MaxValues = 100;

    /// <summary>The value slices show for a row without one.</summary>
    public const string Missing = "(missing)";

    /// <summary>One model's <paramref name="metric"/> per slice value, largest slices first within each column.</summary>
    public static IReadOnlyList<SliceMetric> Metrics(Predictions predictions, string metric)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return [.. Groups(predictions).Select(g => new SliceMetric(g.Column, g.Value, g.Rows, metric,
            MetricCalculator.Compute(predictions.Where(g.Keep)).TryGetValue(metric, out var score) ? score : null))];
    }

    /// <summary>
    /// Baseline against candidate on <paramref name="metric"/> per slice value: slices that got significantly worse
    /// first (largest worsening first), then the other compared slices, then those too small or where the metric is undefined.
    /// </summary>
    public static IReadOnlyList<SliceComparison> Compare(Predictions baseline, Predictions candidate, string metric, BootstrapOptions options, int minRows = MinRows)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        var result = new List<SliceComparison>();
        foreach (var (column, value, keep, rows) in Groups(candidate))
        {
            if (rows < minRows)
            {
                result.Add(new SliceComparison(column, value, rows, null, $"too small (under {minRows.ToString(CultureInfo.InvariantCulture)} rows)"));
                continue;
            }

            var comparison = PairedBootstrap.Compare(baseline.Where(keep), candidate.Where(keep), [], options)[metric];
            result.Add(new SliceComparison(column, value, rows, comparison, comparison is null ? $"{metric} is undefined on these rows" : null));
        }

        return [.. result
            .OrderBy(s => s.Worse ? 0 : s.Comparison is not null ? 1 : 2)
            .ThenByDescending(s => s.Worse ? Worsening(s.Comparison!) : 0)
            .ThenByDescending(s => s.Rows)
            .ThenBy(s => s.Column, StringComparer.Ordinal)
            .ThenBy(s => s.Value, StringComparer.Ordinal)];
    }

    private static double Worsening(MetricComparison m) => m.HigherIsBetter ? -m.Delta : m.Delta;

    private static IEnumerable<(string Column, string Value, bool[] Keep, int Rows)> Groups(Predictions predictions)
    {
        if (predictions.Slices is not { } slices)
            yield break;
        foreach (var (column, values) in slices.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var groups = values.Select((v, i) => (Value: string.IsNullOrWhiteSpace(v) ? Missing : v.Trim(), Row: i))
                .GroupBy(x => x.Value, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(MaxValues);
            foreach (var group in groups)
            {
                var keep = new bool[predictions.Count];
                foreach (var (_, row) in group)
                    keep[row] = true;
                yield return (column, group.Key, keep, group.Count());
            }
        }
    }
}
