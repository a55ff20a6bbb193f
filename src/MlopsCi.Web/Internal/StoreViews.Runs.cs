using MlopsCi.Core.Errors;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Web.Internal;

internal sealed partial class StoreViews
{
    public const int MaxCompared = 5;

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
}
