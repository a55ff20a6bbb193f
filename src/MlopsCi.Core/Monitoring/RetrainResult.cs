using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// A retrain: the run (tagged with the decision), the comparison with the champion on the latest held-out rows (null
/// when there was no champion to compare with), the version promoted (null when the champion was kept) and the
/// history entry recording why.
/// </summary>
public sealed record RetrainResult(RunRecord Run, ComparisonResult? Comparison, ModelVersion? Promoted, MonitoringRecord Record)
{
    /// <summary>Whether the new model became the champion.</summary>
    public bool IsPromoted => Promoted is not null;
}
