using System.Globalization;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Monitoring;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Web.Internal;

/// <summary>
/// The views of the records kept beside the data: runs (and comparing them), the model registry with its monitoring
/// history, hook runs and pull requests.
/// </summary>
internal sealed class RecordViews(IObjectStore store)
{
    public const int MaxCompared = 5;
    public const int HookRunsPerBranch = 20;

    private readonly RunStore _runs = new(store);
    private readonly ModelRegistry _registry = new(store, TimeProvider.System);
    private readonly MonitoringHistory _monitoring = new(store);
    private readonly HookRunStore _hooks = new(store);
    private readonly PullRequestRecordStore _pulls = new(store);

    public async Task<IReadOnlyList<RunRow>> RunsAsync(string? model, CancellationToken cancellationToken) =>
        [.. (await _runs.ListAsync(string.IsNullOrEmpty(model) ? null : model, cancellationToken)).Select(Row)];

    public async Task<RunView> RunAsync(string id, CancellationToken cancellationToken)
    {
        var run = await _runs.GetAsync(id, cancellationToken);
        var versions = (await _registry.ListModelsAsync(cancellationToken)).Contains(run.ModelName)
            ? (await _registry.ListVersionsAsync(run.ModelName, cancellationToken)).Where(v => v.RunId == run.Id).ToList()
            : [];
        return new RunView(run, versions);
    }

    public async Task<CompareView> CompareAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count is < 2 or > MaxCompared)
            throw new InvalidInputException($"Compare takes 2 to {MaxCompared} different runs, not {distinct.Count}. Tick them in the runs table, or pass ?run=<id>&run=<id>.");
        var runs = new List<RunRecord>();
        foreach (var id in distinct)
            runs.Add(await _runs.GetAsync(id, cancellationToken));

        // Oldest first, so every delta reads "what changed since the earliest run".
        runs = [.. runs.OrderBy(r => r.StartTime).ThenBy(r => r.Id, StringComparer.Ordinal)];
        var metrics = runs.SelectMany(r => r.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(name =>
        {
            var values = runs.Select(r => r.Metrics.TryGetValue(name, out var v) ? v : (double?)null).ToList();
            var deltas = values.Select((v, i) => i == 0 || v is null || values[0] is null ? null : v - values[0]).ToList();
            return new CompareMetric(name, MetricNames.HigherIsBetter(name), values, deltas);
        }).ToList();
        var parameters = runs.SelectMany(r => r.Params.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var (intervals, source) = await IntervalsAsync(runs, cancellationToken);
        return new CompareView([.. runs.Select(Row)], metrics, parameters, intervals, source);
    }

    // Intervals need both models scored on the same rows: the pull-request flow does that and keeps the result in its
    // record, so they are shown when a pull request compared two of these runs (run records alone do not hold scores).
    private async Task<(IReadOnlyList<MetricRow>?, string?)> IntervalsAsync(IReadOnlyList<RunRecord> runs, CancellationToken cancellationToken)
    {
        var ids = runs.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var pull in await _pulls.ListAsync(cancellationToken))
        {
            var lineage = pull.Report.Lineage;
            if (pull.Report.Comparison is { } comparison && lineage.CandidateRun is { } candidate && lineage.BaselineRun is { } baseline
                && ids.Contains(candidate) && ids.Contains(baseline))
                return (comparison.Metrics, $"pull request #{pull.Number}: candidate {candidate} against baseline {baseline} on the same {comparison.Rows:N0} rows, {comparison.Resamples:N0} paired bootstrap resamples");
        }

        return (null, null);
    }

    private static RunRow Row(RunRecord r) =>
        new(r.Id, r.ModelName, r.Status.ToString(), r.DataRef, r.DataCommit, r.Tag(RunTags.GitSha), r.Spec.Trainer, r.Params, r.Metrics, r.StartTime, r.DurationSeconds);

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
            throw new InvalidInputException($"There is no model '{name}' in the registry. The models page lists the registered models.");
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
