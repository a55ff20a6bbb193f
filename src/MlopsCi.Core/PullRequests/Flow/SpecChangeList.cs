using MlopsCi.Core.Reporting;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>
/// What a pull request changes in the spec that judges it (gates, task, label, trainer, parameters, columns, seed), and
/// how the candidate fares against the pull request's own gates, which take effect once it is merged.
/// </summary>
internal static class SpecChangeList
{
    /// <summary>The changes from <paramref name="deciding"/> to <paramref name="own"/>, or null when there are none.</summary>
    public static SpecChangesSection? Between(MlopsSpec deciding, MlopsSpec own, Comparison comparison)
    {
        var changes = new List<string>();
        var before = deciding.Gates.ToDictionary(g => g.Metric, ReportSections.Rule, StringComparer.Ordinal);
        var after = own.Gates.ToDictionary(g => g.Metric, ReportSections.Rule, StringComparer.Ordinal);
        foreach (var metric in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var (b, a) = (before.GetValueOrDefault(metric), after.GetValueOrDefault(metric));
            if (b != a)
                changes.Add($"gate `{metric}`: {b ?? "(none)"} → {a ?? "(removed)"}");
        }

        if (deciding.Model is { } m && own.Model is { } o)
        {
            Change(changes, "task", m.Task.ToString().ToLowerInvariant(), o.Task.ToString().ToLowerInvariant());
            Change(changes, "label", m.Label, o.Label);
            Change(changes, "trainer", m.Trainer, o.Trainer);
            foreach (var key in m.Params.Keys.Union(o.Params.Keys).Order(StringComparer.Ordinal))
                Change(changes, $"params.{key}", m.Params.GetValueOrDefault(key), o.Params.GetValueOrDefault(key));
            Change(changes, "features", List(m.Features), List(o.Features));
            Change(changes, "categorical", List(m.Categorical), List(o.Categorical));
            Change(changes, "text", List(m.Text), List(o.Text));
            Change(changes, "ignore", List(m.Ignore), List(o.Ignore));
            Change(changes, "seed", m.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (changes.Count == 0)
            return null;
        var candidate = comparison.Metrics.ToDictionary(x => x.Metric, x => x.Candidate, StringComparer.Ordinal);
        var baseline = comparison.Metrics.ToDictionary(x => x.Metric, x => x.Baseline, StringComparer.Ordinal);
        return new SpecChangesSection(changes, ReportSections.Gates(GateEvaluator.Evaluate(own.Gates, candidate, baseline)));
    }

    private static void Change(List<string> changes, string what, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
            changes.Add($"{what}: {before ?? "(none)"} → {after ?? "(none)"}");
    }

    private static string? List(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join(", ", values);
}
