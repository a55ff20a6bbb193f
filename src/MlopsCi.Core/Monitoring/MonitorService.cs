using MlopsCi.Core.Drift;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Services;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// Champion monitoring: scores a registered model on labelled data at a ref, checks its primary metric and its gates'
/// metrics against the values recorded when it was registered, and appends the result to the model's history. A metric
/// that got worse by more than <c>monitor.max-degradation</c> makes the outcome "degraded" (the CLI then exits 1).
/// </summary>
public sealed class MonitorService(Repository repository, ITrainer trainer, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The history entries are appended to.</summary>
    public MonitoringHistory History { get; } = new(repository.Store);

    /// <summary>Scores, checks and records.</summary>
    public async Task<MonitorResult> MonitorAsync(MonitorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await new EvaluateService(repository, trainer, _time).EvaluateAsync(request.Model, request.DataRef, request.Path, cancellationToken);
        var model = evaluation.Model;
        var reference = model.Version?.Metrics ?? model.Run.Metrics;
        var task = model.Run.Spec.Task;
        var checks = MetricChecks.Compare(MetricChecks.Watched(task, request.Gates), reference, evaluation.Metrics, request.Thresholds.MaxDegradation);
        var failed = checks.Where(c => !c.Passed).ToList();
        var origin = model.Version is { } v ? $"version {v.Version} at registration" : $"run {model.Run.Id}";
        var reason = checks.Count == 0
            ? $"no metric of {model.Reference} could be compared (the data at '{request.DataRef}' gave {string.Join(", ", evaluation.Metrics.Keys)})"
            : failed.Count > 0
                ? $"{string.Join("; ", failed.Select(c => Describe(c, origin)))}: more than the allowed {request.Thresholds.MaxDegradation}. Retrain with 'mlops retrain'."
                : $"{string.Join("; ", checks.Select(c => Describe(c, origin)))}: within {request.Thresholds.MaxDegradation}.";
        var record = new MonitoringRecord(
            MonitoringHistory.NewId(), model.Run.ModelName, MonitoringKind.Monitor, _time.GetUtcNow(), model.Version?.Version,
            request.DataRef, evaluation.DataCommit, evaluation.Path, MetricNames.Primary(task), evaluation.Metrics, reference, checks,
            failed.Count > 0 ? MonitoringRecord.Degraded : MonitoringRecord.Ok, reason)
        { RunId = model.Run.Id, Evaluation = evaluation.Evaluation.Describe() };
        await History.AppendAsync(record, cancellationToken);
        return new MonitorResult(record, evaluation);
    }

    private static string Describe(MetricCheck c, string origin) =>
        $"{c.Metric} {Format.Number(c.Value)} vs {Format.Number(c.Reference)} ({origin}), {(c.Worsening > 0 ? $"worse by {Format.Number(c.Worsening)}" : c.Worsening < 0 ? $"better by {Format.Number(-c.Worsening)}" : "unchanged")}";
}
