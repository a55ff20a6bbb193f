namespace MlopsCi.Core.Monitoring;

/// <summary>Run tags a retrain writes, so <c>mlops runs show</c> says what became of the run and why.</summary>
public static class RetrainTags
{
    /// <summary>"retrain" on runs started by <c>mlops retrain</c>.</summary>
    public const string Trigger = "trigger";

    /// <summary>"promoted" or "kept".</summary>
    public const string Decision = "retrain-decision";

    /// <summary>The decision in words.</summary>
    public const string Reason = "retrain-reason";

    /// <summary>The champion version compared with ("none" when there was none).</summary>
    public const string Champion = "retrain-champion";
}
