namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// A classical paired test of one metric beside the bootstrap: DeLong's test for AUC or McNemar's exact test for
/// accuracy. <paramref name="Statistic"/> is DeLong's z or McNemar's smaller discordant count; <paramref name="Verdict"/>
/// is significant at the bootstrap's level (p below 1 − confidence); <paramref name="Detail"/> says it in words.
/// </summary>
public sealed record SignificanceTest(string Test, string Metric, double Baseline, double Candidate, double Statistic, double PValue, Verdict Verdict, string Detail)
{
    /// <summary>Whether the bootstrap's verdict on the same metric is the same; null when the bootstrap has no verdict on it.</summary>
    public bool? AgreesWithBootstrap { get; init; }
}
