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

    /// <summary>Adds a value by the hash of its UTF-8 bytes (<see cref="ByteHash"/>, already well mixed, so sums stay strong).</summary>
    public void Add(ReadOnlySpan<char> value, ulong hash, long rowNumber)
    {
        if (value.IsEmpty)
            return;
        Values++;
        ValueHash += hash;
        if (rowNumber <= ColumnKindInference.SampleSize)
            _sample.Add(value.ToString());
    }

    /// <summary>"numeric" or "text" (null: no values), judged on the first rows; finer kinds would report noise.</summary>
    public string? Kind()
    {
        var values = _sample.Where(v => !Specs.MissingValues.Default.IsMissing(v)).ToList();
        return values.Count == 0 ? null : values.All(v => ColumnKindInference.TryNumber(v, out _)) ? "numeric" : "text";
    }
}
