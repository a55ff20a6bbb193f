using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// Retraining: trains the spec's model on the data at a ref, compares it with the champion on the run's held-out rows
/// (the latest ones when the spec has a time column), promotes it (register, then move the alias by compare-and-swap)
/// when <see cref="PromotionDecision"/> says so, and records why or why not in the run's tags and the monitoring history.
/// Re-running on the same data and spec trains nothing new and records nothing twice.
/// </summary>
public sealed class RetrainService(Repository repository, ITrainer trainer, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ModelRegistry _registry = new(repository.Store, time ?? TimeProvider.System);
    private readonly RunStore _runs = new(repository.Store);

    /// <summary>The history entries are appended to.</summary>
    public MonitoringHistory History { get; } = new(repository.Store);

    /// <summary>Trains, compares, maybe promotes, and records.</summary>
    public async Task<RetrainResult> RetrainAsync(RetrainRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spec = request.Spec;
        var tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [RetrainTags.Trigger] = "retrain" };
        var training = await new TrainingService(repository, trainer, _time).TrainAsync(new TrainingRequest(spec, request.DataRef, tags, $"retrain:{request.Alias}"), cancellationToken);
        var run = training.Run;
        if (training.Reused && await PreviousAsync(run, cancellationToken) is { } previous)
            return previous;
        var alias = await _registry.GetAliasAsync(spec.Name, request.Alias, cancellationToken);
        var champion = alias is null ? null : await _registry.GetVersionAsync(spec.Name, alias.Version, cancellationToken);
        ComparisonResult? comparison = null;
        bool promote;
        string reason;
        if (champion is null)
            (promote, reason) = (true, $"no '{request.Alias}' yet: the new model becomes it");
        else if (champion.RunId == run.Id)
            (promote, reason) = (false, $"this run is already champion version {champion.Version}");
        else
        {
            comparison = await new CompareService(repository, trainer, _time).CompareAsync($"{spec.Name}:{champion.Version}", run.Id, run.DataCommit, request.Gates, request.Bootstrap, cancellationToken);
            (promote, reason) = PromotionDecision.Decide(comparison.Comparison, MetricNames.Primary(spec.Task), champion.Version, spec.TimeColumn is not null && spec.Data.Test is null);
        }

        ModelVersion? promoted = null;
        if (promote)
        {
            var (version, _) = await _registry.RegisterAsync(run, cancellationToken);
            if (await _registry.TryMoveAliasAsync(spec.Name, request.Alias, version.Version, alias?.Version, cancellationToken) is not null)
            {
                (promoted, reason) = (version, $"{reason}; version {version.Version} is now '{request.Alias}'");
                if (request.SpecFile is { } file)
                {
                    // The promoted version's rules judge the next pull requests, as after a pull-request merge.
                    await new PromotedSpecStore(repository.Store).SaveAsync(
                        new PromotedSpec(spec.Name, version.Version, file.Hash, file.Text, file.RepositoryPath, run.Tag(RunTags.GitSha) ?? "", _time.GetUtcNow()), cancellationToken);
                }
            }
            else
                reason = $"not promoted: '{request.Alias}' of {spec.Name} moved while retraining (was version {alias?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}); re-run 'mlops retrain'";
        }

        run = await TagAsync(run, promoted is not null, reason, champion, cancellationToken);
        var record = Record(request, run, comparison, champion, promoted, reason);
        await History.AppendAsync(record, cancellationToken);
        return new RetrainResult(run, comparison, promoted, record);
    }

    private async Task<RetrainResult?> PreviousAsync(RunRecord run, CancellationToken cancellationToken)
    {
        if (run.Tag(RetrainTags.Decision) is null)
            return null;
        var record = (await History.ListAsync(run.ModelName, cancellationToken)).LastOrDefault(r => r.RunId == run.Id && r.Kind == MonitoringKind.Retrain);
        if (record is null)
            return null;
        var promoted = record.PromotedVersion is { } v ? await _registry.TryGetVersionAsync(run.ModelName, v, cancellationToken) : null;
        return new RetrainResult(run, null, promoted, record);
    }

    private async Task<RunRecord> TagAsync(RunRecord run, bool promoted, string reason, ModelVersion? champion, CancellationToken cancellationToken)
    {
        var tags = new SortedDictionary<string, string>(run.Tags.ToDictionary(), StringComparer.Ordinal)
        {
            [RetrainTags.Decision] = promoted ? MonitoringRecord.Promoted : MonitoringRecord.Kept,
            [RetrainTags.Reason] = reason,
            [RetrainTags.Champion] = champion?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none",
        };
        var tagged = run with { Tags = tags };
        await _runs.SaveAsync(tagged, cancellationToken);
        return tagged;
    }

    private MonitoringRecord Record(RetrainRequest request, RunRecord run, ComparisonResult? comparison, ModelVersion? champion, ModelVersion? promoted, string reason)
    {
        var metrics = comparison?.Comparison.Metrics.ToDictionary(m => m.Metric, m => m.Candidate, StringComparer.Ordinal) ?? run.Metrics.ToDictionary(StringComparer.Ordinal);
        var reference = comparison?.Comparison.Metrics.ToDictionary(m => m.Metric, m => m.Baseline, StringComparer.Ordinal) ?? new Dictionary<string, double>(StringComparer.Ordinal);
        var checks = MetricChecks.Compare(MetricChecks.Watched(request.Spec.Task, request.Gates), reference, metrics, new Limit(0, false));
        var path = request.Spec.Data.Test ?? request.Spec.Data.Train;
        return new MonitoringRecord(
            MonitoringHistory.NewId(), request.Spec.Name, MonitoringKind.Retrain, _time.GetUtcNow(), promoted?.Version ?? champion?.Version,
            request.DataRef, run.DataCommit, path, MetricNames.Primary(request.Spec.Task), metrics, reference, checks,
            promoted is not null ? MonitoringRecord.Promoted : MonitoringRecord.Kept, reason)
        { RunId = run.Id, PromotedVersion = promoted?.Version, Evaluation = comparison?.Evaluation.Describe() };
    }
}
