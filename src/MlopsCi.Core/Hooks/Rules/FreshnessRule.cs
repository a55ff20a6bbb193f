namespace MlopsCi.Core.Hooks.Rules;

/// <summary><c>freshness</c>: the newest date/time of <see cref="Column"/> is at most <see cref="MaxAge"/> before the commit time.</summary>
public sealed record FreshnessRule(string Column, TimeSpan MaxAge) : HookRule
{
    /// <inheritdoc />
    public override string Describe() => $"newest {Column} at most {Internal.Periods.Format(MaxAge)} before the commit";
}
