using MlopsCi.Core.Hooks;
using MlopsCi.Core.Monitoring;
using MlopsCi.Core.Reporting;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Web.Internal;

/// <summary>One line of the runs table.</summary>
internal sealed record RunRow(
    string Id,
    string Model,
    string Status,
    string DataRef,
    string DataCommit,
    string? GitSha,
    string Trainer,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset Start,
    double? Seconds);

/// <summary>A run with the model versions registered from it.</summary>
internal sealed record RunView(RunRecord Run, IReadOnlyList<ModelVersion> Versions);

/// <summary>One metric across the compared runs: values and deltas against the first run.</summary>
internal sealed record CompareMetric(string Metric, bool HigherIsBetter, IReadOnlyList<double?> Values, IReadOnlyList<double?> Deltas);

/// <summary>
/// Two to five runs side by side. When a pull request compared two of them on the same rows, <see cref="Intervals"/> are
/// that report's paired-bootstrap rows (and <see cref="IntervalsSource"/> says which pull request).
/// </summary>
internal sealed record CompareView(IReadOnlyList<RunRow> Runs, IReadOnlyList<CompareMetric> Metrics, IReadOnlyList<string> ParamNames, IReadOnlyList<MetricRow>? Intervals, string? IntervalsSource);

/// <summary>A model in the registry: versions count, aliases and the newest version.</summary>
internal sealed record ModelSummary(string Name, int Versions, IReadOnlyList<ModelAlias> Aliases, ModelVersion? Latest, int MonitoringEntries);

/// <summary>A model's versions, aliases and monitoring history (oldest first).</summary>
internal sealed record ModelView(string Name, IReadOnlyList<ModelVersion> Versions, IReadOnlyList<ModelAlias> Aliases, IReadOnlyList<MonitoringRecord> Monitoring);

/// <summary>The newest hook runs of one branch.</summary>
internal sealed record HookBranchView(string Branch, IReadOnlyList<HookRun> Runs);

/// <summary>What one pull request reached, with a link to it on GitHub when the repository is known.</summary>
internal sealed record PullView(int Number, string Model, string State, string Outcome, string? Verdict, string HeadSha, string? DataCommit, string? CandidateRun, DateTimeOffset UpdatedAt, string? Url, string? Detail);
