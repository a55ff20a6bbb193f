using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.Core.Reporting;

/// <summary>One metric of both models: values, delta (PR − main), its confidence interval, the verdict and whether a gate on it failed.</summary>
public sealed record MetricRow(
    string Metric,
    double Baseline,
    double Candidate,
    double Delta,
    double CiLow,
    double CiHigh,
    Verdict Verdict,
    bool HigherIsBetter,
    bool GateFailed);
