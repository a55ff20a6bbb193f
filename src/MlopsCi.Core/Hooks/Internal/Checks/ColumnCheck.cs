using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>A rule tested on each non-null value of some columns (range, allowed values, regex).</summary>
internal abstract class ColumnCheck(string file, int maxSamples, IReadOnlyList<string> columns, string rule) : TableCheck(file, maxSamples)
{
    private int[] _indexes = [];
    private Offenders[] _offenders = [];
    private long[] _checked = [];

    protected bool Stopped { get; set; }

    public override void Start(IReadOnlyList<string> header)
    {
        _indexes = Resolve(header, columns);
        _offenders = [.. columns.Select(_ => new Offenders(MaxSamples))];
        _checked = new long[columns.Count];
    }

    public override void Observe(TableRow row)
    {
        if (Stopped)
            return;
        for (var k = 0; k < _indexes.Length; k++)
        {
            var index = _indexes[k];
            if (index < 0 || row.IsNull(index))
                continue;
            _checked[k]++;
            if (!Accepts(row[index], row))
                _offenders[k].Add(row, row[index]);
        }
    }

    public override void Finish(long rows)
    {
        for (var k = 0; k < _indexes.Length; k++)
            Report(columns[k], rule, _offenders[k], _checked[k], $"{Rows(_offenders[k].Count)} {(_offenders[k].Count == 1 ? "is" : "are")} not {rule}");
    }

    /// <summary>Whether a non-null value satisfies the rule.</summary>
    protected abstract bool Accepts(ReadOnlySpan<char> value, TableRow row);
}
