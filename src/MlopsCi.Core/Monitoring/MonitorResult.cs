using MlopsCi.Core.Training.Services;

namespace MlopsCi.Core.Monitoring;

/// <summary>A monitor run: the history entry it appended and the evaluation it came from.</summary>
public sealed record MonitorResult(MonitoringRecord Record, EvaluationResult Evaluation)
{
    /// <summary>Whether a checked metric degraded beyond its threshold.</summary>
    public bool Degraded => Record.Outcome == MonitoringRecord.Degraded;
}
