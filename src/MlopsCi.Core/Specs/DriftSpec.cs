namespace MlopsCi.Core.Specs;

/// <summary>Drift thresholds: a column drifts when PSI exceeds <see cref="PsiThreshold"/> or a test's p-value falls below its threshold.</summary>
public sealed record DriftSpec(double PsiThreshold = 0.2, double KsPValue = 0.05, double Chi2PValue = 0.05, int Top = 5)
{
    /// <summary>The defaults.</summary>
    public static DriftSpec Default { get; } = new();
}
