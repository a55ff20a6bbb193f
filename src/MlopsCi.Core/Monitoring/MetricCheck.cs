namespace MlopsCi.Core.Monitoring;

/// <summary>
/// One metric against its reference (the value recorded at registration, or the champion's on the same rows):
/// <see cref="Worsening"/> is how much worse the value is by the metric's direction (negative when better), and the check
/// passes while it stays within <see cref="Allowed"/>.
/// </summary>
public sealed record MetricCheck(string Metric, double Reference, double Value, double Worsening, double Allowed, bool Passed);
