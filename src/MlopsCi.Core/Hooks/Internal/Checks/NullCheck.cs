using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary><c>not-null</c> and <c>null-fraction</c>: counts null cells per column; fails on any (not-null) or above a fraction.</summary>
internal sealed class NullCheck(string file, int maxSamples, IReadOnlyList<string> columns, double? maxFraction) : TableCheck(file, maxSamples)
{
    private int[] _indexes = [];
    private Offenders[] _nulls = [];

    public static NullCheck For(NotNullRule rule, string file, int maxSamples) => new(file, maxSamples, rule.Columns, null);

    public static NullCheck For(NullFractionRule rule, string file, int maxSamples) => new(file, maxSamples, rule.Columns, rule.Max);

    public override void Start(IReadOnlyList<string> header)
    {
        _indexes = Resolve(header, columns);
        _nulls = [.. columns.Select(_ => new Offenders(MaxSamples))];
    }

    public override void Observe(TableRow row)
    {
        for (var k = 0; k < _indexes.Length; k++)
        {
            if (_indexes[k] >= 0 && row.IsNull(_indexes[k]))
                _nulls[k].Add(row, default(ReadOnlySpan<char>));
        }
    }

    public override void Finish(long rows)
    {
        for (var k = 0; k < _indexes.Length; k++)
        {
            var count = _nulls[k].Count;
            if (maxFraction is not { } max)
            {
                Report(columns[k], "not null", _nulls[k], rows, $"{Rows(count)} {(count == 1 ? "is" : "are")} null");
                continue;
            }

            var fraction = rows == 0 ? 0 : (double)count / rows;
            if (fraction > max)
                Report(columns[k], new NullFractionRule(columns, max).Describe(), count, _nulls[k].Samples, $"{Percent(fraction)} of rows are null ({count:N0} of {rows:N0}); at most {Percent(max)} is allowed");
        }
    }
}
