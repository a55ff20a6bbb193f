using System.Globalization;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Training.Registry;

namespace MlopsCi.Web.Internal;

internal sealed partial class StoreViews
{
    public const int HookRunsPerBranch = 20;

    public async Task<IReadOnlyList<ModelSummary>> ModelsAsync(CancellationToken cancellationToken)
    {
        var models = new List<ModelSummary>();
        foreach (var name in await _registry.ListModelsAsync(cancellationToken))
        {
            var versions = await _registry.ListVersionsAsync(name, cancellationToken);
            var monitoring = await _monitoring.ListAsync(name, cancellationToken);
            models.Add(new ModelSummary(name, versions.Count, await _registry.ListAliasesAsync(name, cancellationToken), versions.MaxBy(v => v.Version), monitoring.Count));
        }

        return models;
    }

    public async Task<ModelView> ModelAsync(string name, CancellationToken cancellationToken)
    {
        var versions = await _registry.ListVersionsAsync(name, cancellationToken);
        if (versions.Count == 0)
            throw new Core.Errors.InvalidInputException($"There is no model '{name}' in the registry. The models page lists the registered models.");
        return new ModelView(name, versions, await _registry.ListAliasesAsync(name, cancellationToken), await _monitoring.ListAsync(name, cancellationToken));
    }

    public async Task<IReadOnlyList<HookBranchView>> HooksAsync(CancellationToken cancellationToken)
    {
        var result = new List<HookBranchView>();
        foreach (var branch in await _hooks.ListBranchesAsync(cancellationToken))
            result.Add(new HookBranchView(branch, await _hooks.ListAsync(branch, HookRunsPerBranch, cancellationToken)));
        return result;
    }

    public async Task<IReadOnlyList<PullView>> PullsAsync(CancellationToken cancellationToken) =>
        [.. (await _pulls.ListAsync(cancellationToken)).Select(p =>
        {
            var report = p.Report;
            var url = report.Lineage.Repository is { Length: > 0 } repository && repository.Count(c => c == '/') == 1
                ? $"https://github.com/{repository}/pull/{p.Number.ToString(CultureInfo.InvariantCulture)}"
                : null;
            return new PullView(p.Number, p.Model, p.State, report.Outcome.Kind.ToString(), Verdict(report), p.HeadSha, p.DataCommit, p.CandidateRun, p.UpdatedAt, url, report.Outcome.Detail);
        })];

    private static string? Verdict(PullRequestReport report)
    {
        if (report.Comparison is not { } comparison)
            return null;
        var primary = comparison[comparison.PrimaryMetric];
        var gates = comparison.Gates.Count == 0 ? "no gates" : comparison.GatesPassed ? "gates passed" : "gates failed";
        return primary is null ? gates : $"{comparison.PrimaryMetric} {primary.Verdict.ToString().ToLowerInvariant()} ({primary.Delta.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture)}), {gates}";
    }
}
