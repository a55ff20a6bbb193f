using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// What to monitor: a model reference (<c>name@alias</c>, <c>name:version</c> or a run id), the data ref whose labelled
/// rows it is scored on (all rows of <see cref="Path"/>, else the evaluation rows its spec defines: the test file, or the
/// latest held-out rows when a time column is set), the allowed degradation, and the gates whose metrics are checked
/// besides the task's primary metric.
/// </summary>
public sealed record MonitorRequest(string Model, string DataRef, string? Path, MonitorSpec Thresholds, IReadOnlyList<GateSpec> Gates);
