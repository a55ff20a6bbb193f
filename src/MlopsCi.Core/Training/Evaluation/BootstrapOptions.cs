namespace MlopsCi.Core.Training.Evaluation;

/// <summary>Paired bootstrap settings: number of resamples (at least 1,000 for reports), seed, and confidence level.</summary>
public sealed record BootstrapOptions(int Resamples = 1000, int Seed = 1, double Confidence = 0.95)
{
    /// <summary>The defaults: 1,000 resamples, seed 1, 95%.</summary>
    public static BootstrapOptions Default { get; } = new();
}
