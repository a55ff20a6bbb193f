namespace MlopsCi.Core.Specs;

/// <summary>Champion monitoring: how far a metric may degrade from the champion's recorded value ("10%" by default).</summary>
public sealed record MonitorSpec(Limit MaxDegradation)
{
    /// <summary>The defaults.</summary>
    public static MonitorSpec Default { get; } = new(new Limit(0.10, true));
}
