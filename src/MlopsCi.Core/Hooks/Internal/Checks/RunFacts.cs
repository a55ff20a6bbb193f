namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// What checks learn from the run rather than the file: the commit time (freshness) and, per referential hook id, the
/// values of the referenced column.
/// </summary>
internal sealed record RunFacts(DateTimeOffset CommitTime, IReadOnlyDictionary<string, HashSet<string>> References)
{
    public static RunFacts At(DateTimeOffset time) => new(time, new Dictionary<string, HashSet<string>>());
}
