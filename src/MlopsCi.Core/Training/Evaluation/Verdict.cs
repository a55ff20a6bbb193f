namespace MlopsCi.Core.Training.Evaluation;

/// <summary>What the paired bootstrap says about a metric's change from baseline to candidate.</summary>
public enum Verdict
{
    /// <summary>The 95% interval of the delta includes zero.</summary>
    NoSignificantChange,

    /// <summary>The interval excludes zero on the better side.</summary>
    Better,

    /// <summary>The interval excludes zero on the worse side.</summary>
    Worse,
}
