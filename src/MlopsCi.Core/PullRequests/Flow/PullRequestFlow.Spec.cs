using MlopsCi.Core.Errors;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Registry;

namespace MlopsCi.Core.PullRequests.Flow;

public sealed partial class PullRequestFlow
{
    private sealed record DecidingSpec(MlopsSpec Spec, string Source);

    // The rules that judge a pull request are the destination's, as hooks are: the spec recorded with the champion's
    // promotion, else the base branch's file at the base commit. A pull request's own spec decides only once merged.
    private async Task<DecidingSpec> DecidingSpecAsync(PullRequestContext context, ModelVersion? champion, CancellationToken cancellationToken)
    {
        var own = new DecidingSpec(context.Spec, "this pull request's spec (no spec was recorded with the champion and the base branch has none)");
        if (context.SpecSource is not { } source)
            return own;
        string? text = null, where = null;
        if (champion is not null && await _promotedSpecs.TryGetAsync(champion.Name, champion.Version, cancellationToken) is { } promoted)
        {
            (text, where) = (promoted.SpecText, $"the spec recorded when {champion} was promoted (sha256:{promoted.SpecHash[..12]})");
        }
        else if ((await _host.GetPullRequestAsync(context.Number, cancellationToken)) is { BaseSha: { Length: > 0 } baseSha } pr)
        {
            text = await _host.GetFileAsync(source.RepositoryPath, baseSha, cancellationToken);
            where = $"{source.RepositoryPath} of {pr.BaseRef} at {Short(baseSha)}";
        }

        if (text is null)
            return own;
        try
        {
            return new DecidingSpec(text == source.Text ? context.Spec : source.Parse(text, where!), where!);
        }
        catch (InvalidInputException e)
        {
            _output.Warning($"The destination's spec ({where}) cannot be read, so this pull request's spec decides: {e.Message}");
            return own;
        }
    }

    private static SpecChangesSection? SpecChanges(MlopsSpec deciding, MlopsSpec own, Comparison comparison)
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
