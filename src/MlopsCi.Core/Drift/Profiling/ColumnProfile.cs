namespace MlopsCi.Core.Drift.Profiling;

/// <summary>
/// What one column of one sample looks like, accumulated row by row with bounded memory: for a numeric column up to
/// <c>maxValues</c> values (a seeded uniform reservoir sample beyond that), for a categorical one the count of each
/// category (missing values as "(missing)"), up to <see cref="MaxCategories"/> categories.
/// </summary>
internal sealed class ColumnProfile
{
    /// <summary>More distinct values than this make a categorical column too wide to test.</summary>
    public const int MaxCategories = 1000;

    /// <summary>The category missing values are counted under.</summary>
    public const string MissingCategory = "(missing)";

    private readonly List<double> _values = [];
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Random _random;
    private readonly int _maxValues;
    private readonly Specs.MissingValues _missing;
    private long _numbers;

    /// <summary>A column's profile; <paramref name="missing"/>: what counts as missing (null: the defaults).</summary>
    public ColumnProfile(string name, ColumnKind kind, string? skipReason, int maxValues, int seed, Specs.MissingValues? missing = null)
    {
        (Name, Kind, SkipReason, _maxValues, _random) = (name, kind, skipReason, maxValues, new Random(seed));
        _missing = missing ?? Specs.MissingValues.Default;
        _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    public ColumnKind Kind { get; private set; }

    public string? SkipReason { get; private set; }

    /// <summary>Rows seen.</summary>
    public long Rows { get; private set; }

    /// <summary>Rows whose value was missing (or, in a numeric column, not a number).</summary>
    public long Missing { get; private set; }

    /// <summary>Non-missing values seen.</summary>
    public long Count => Rows - Missing;

    /// <summary>Category counts of a categorical column.</summary>
    public IReadOnlyDictionary<string, long> Categories => _counts;

    public void Add(ReadOnlySpan<char> value)
    {
        Rows++;
        var missing = _missing.IsMissing(value);
        switch (Kind)
        {
            case ColumnKind.Numeric when !missing && ColumnKindInference.TryNumber(value, out var number):
                AddNumber(number);
                break;
            case ColumnKind.Categorical:
                Missing += missing ? 1 : 0;
                AddCategory(missing ? MissingCategory : value.Trim());
                break;
            default:
                // A value that is not a number in a numeric column counts as missing.
                Missing += missing || Kind == ColumnKind.Numeric ? 1 : 0;
                break;
        }
    }

    /// <summary>The numeric sample, sorted.</summary>
    public double[] SortedValues()
    {
        var values = _values.ToArray();
        Array.Sort(values);
        return values;
    }

    private void AddNumber(double number)
    {
        _numbers++;
        if (_values.Count < _maxValues)
        {
            _values.Add(number);
            return;
        }

        var slot = _random.NextInt64(_numbers);
        if (slot < _maxValues)
            _values[(int)slot] = number;
    }

    private void AddCategory(ReadOnlySpan<char> key)
    {
        if (_lookup.TryGetValue(key, out var count))
        {
            _lookup[key] = count + 1;
        }
        else if (_counts.Count < MaxCategories)
        {
            _counts[key.ToString()] = 1;
        }
        else
        {
            (Kind, SkipReason) = (ColumnKind.Skipped, $"more than {MaxCategories} distinct values: too many categories to test");
            _counts.Clear();
        }
    }
}
