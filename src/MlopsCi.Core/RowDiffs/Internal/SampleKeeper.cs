namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>Keeps the items with the smallest row numbers, so samples follow file order whatever the partition order.</summary>
internal sealed class SampleKeeper<T>(int capacity)
{
    private readonly PriorityQueue<T, long> _largestFirst = new();

    /// <summary>Whether an item of this row number would be kept (check before building it).</summary>
    public bool Wants(long number) =>
        capacity > 0 && (_largestFirst.Count < capacity || (_largestFirst.TryPeek(out _, out var largest) && number < -largest));

    public void Add(long number, T item)
    {
        if (!Wants(number))
            return;
        _largestFirst.Enqueue(item, -number);
        if (_largestFirst.Count > capacity)
            _largestFirst.Dequeue();
    }

    /// <summary>The kept items by row number.</summary>
    public IReadOnlyList<T> Items() => [.. _largestFirst.UnorderedItems.OrderBy(i => -i.Priority).Select(i => i.Element)];
}
