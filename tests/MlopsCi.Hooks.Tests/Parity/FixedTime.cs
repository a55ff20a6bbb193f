namespace MlopsCi.Hooks.Tests.Parity;

/// <summary>A clock stopped at one instant (freshness is measured from the commit time).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
