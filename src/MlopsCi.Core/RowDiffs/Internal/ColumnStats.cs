using MlopsCi.Core.Drift;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.RowDiffs.Internal;

/// <summary>
/// What the schema diff needs of one column: an order-independent hash of its values (a sum of per-value hashes, so two
/// columns with the same multiset of values match — how a rename is recognised), how many values are not empty, and
/// whether the first rows are all numbers.
/// </summary>
internal sealed class ColumnStats
{
    private readonly List<string> _sample = [];

    public ulong ValueHash { get; private set; }

    public long Values { get; private set; }

    public void Add(ReadOnlySpan<char> value, long rowNumber)
    {
        if (value.IsEmpty)
            return;
        Values++;
        ValueHash += Mix(Fnv.Hash(value, Fnv.Seed));
        if (rowNumber <= ColumnKindInference.SampleSize)
            _sample.Add(value.ToString());
    }

    /// <summary>"numeric" or "text" (null: no values), judged on the first rows; finer kinds would report noise.</summary>
    public string? Kind()
    {
        var values = _sample.Where(v => !ColumnKindInference.IsMissing(v)).ToList();
        return values.Count == 0 ? null : values.All(v => ColumnKindInference.TryNumber(v, out _)) ? "numeric" : "text";
    }

    // A sum of raw FNV values is weak against values that differ in one character; a finaliser spreads them first.
    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        return x ^ (x >> 33);
    }
}
