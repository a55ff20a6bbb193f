namespace MlopsCi.Core.Specs;

/// <summary>
/// One quality gate on a metric: it may not get worse than the baseline by more than <see cref="MaxRegression"/>,
/// and must stay within [<see cref="Min"/>, <see cref="Max"/>].
/// </summary>
public sealed record GateSpec(string Metric, Limit? MaxRegression, double? Min, double? Max)
{
    /// <summary>Where the gate was written.</summary>
    public SpecLocation Location { get; init; } = SpecLocation.None;
}
