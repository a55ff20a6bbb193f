namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// One row of a table, reused from row to row so reading allocates nothing per row. A cell is null when it is empty
/// (an empty CSV field, a Parquet null or empty string); cells past the end of a short row read as null.
/// </summary>
public sealed class TableRow
{
    private char[] _chars;
    private int[] _starts;
    private int[] _lengths;
    private int _used;
    private int _fieldStart;

    /// <summary>An empty row.</summary>
    public TableRow()
        : this(1024, 32)
    {
    }

    internal TableRow(int chars, int fields)
    {
        _chars = new char[chars];
        _starts = new int[fields];
        _lengths = new int[fields];
    }

    /// <summary>The 1-based number of the data row (the header is not counted).</summary>
    public long Number { get; set; }

    /// <summary>The 1-based line in a text file where the row starts (the header is line 1), or 0 when not a text file.</summary>
    public long Line { get; set; }

    /// <summary>How many cells the row has.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The text of a cell (empty when null or past the end of the row).</summary>
    public ReadOnlySpan<char> this[int index] =>
        (uint)index < (uint)FieldCount ? new ReadOnlySpan<char>(_chars, _starts[index], _lengths[index]) : default;

    /// <summary>Whether a cell is null (empty or missing).</summary>
    public bool IsNull(int index) => (uint)index >= (uint)FieldCount || _lengths[index] == 0;

    /// <summary>Empties the row before the next one is read into it.</summary>
    public void Clear()
    {
        FieldCount = 0;
        _used = 0;
    }

    /// <summary>Adds a cell.</summary>
    public void Append(ReadOnlySpan<char> value)
    {
        BeginField();
        AppendToField(value);
        EndField();
    }

    /// <summary>Adds a null cell.</summary>
    public void AppendNull()
    {
        BeginField();
        EndField();
    }

    /// <summary>The last cell added, to be rewritten in place (its length stays).</summary>
    internal Span<char> LastField => FieldCount == 0 ? default : _chars.AsSpan(_starts[FieldCount - 1], _lengths[FieldCount - 1]);

    internal void BeginField()
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        _fieldStart = _used;
    }

    internal void AppendToField(ReadOnlySpan<char> value)
    {
        if (_used + value.Length > _chars.Length)
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + value.Length));
        value.CopyTo(_chars.AsSpan(_used));
        _used += value.Length;
    }

    internal void EndField()
    {
        _starts[FieldCount] = _fieldStart;
        _lengths[FieldCount] = _used - _fieldStart;
        FieldCount++;
    }

    /// <summary>Makes this row a copy of <paramref name="source"/> (to hand rows to another thread in batches).</summary>
    internal void CopyFrom(TableRow source)
    {
        if (_chars.Length < source._used)
            _chars = new char[Math.Max(source._used, _chars.Length * 2)];
        if (_starts.Length < source.FieldCount)
        {
            _starts = new int[source._starts.Length];
            _lengths = new int[source._lengths.Length];
        }

        source._chars.AsSpan(0, source._used).CopyTo(_chars);
        source._starts.AsSpan(0, source.FieldCount).CopyTo(_starts);
        source._lengths.AsSpan(0, source.FieldCount).CopyTo(_lengths);
        _used = source._used;
        FieldCount = source.FieldCount;
        Number = source.Number;
        Line = source.Line;
    }

    /// <summary>The cells as strings (for headers and tests).</summary>
    public IReadOnlyList<string> ToList()
    {
        var values = new string[FieldCount];
        for (var i = 0; i < FieldCount; i++)
            values[i] = this[i].ToString();
        return values;
    }
}
