using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>mean</c> and <c>quantile</c>: the statistic of each column's numbers (other values are left to range and schema
/// rules) against absolute bounds and, with a change limit, against the same statistic of the destination's version.
/// </summary>
internal sealed class StatisticCheck(StatisticRule rule, string file, int maxSamples) : TableCheck(file, maxSamples), IBaselineCheck
{
    private int[] _indexes = [];
    private NumberSample[] _current = [];
    private int[] _baselineIndexes = [];
    private NumberSample[]? _baseline;
    private bool _hasBaseline;

    public bool NeedsBaseline => rule.Change is not null;

    public override void Start(IReadOnlyList<string> header)
    {
        _indexes = Resolve(header, rule.Columns);
        _current = [.. rule.Columns.Select(_ => new NumberSample(rule.Quantile is not null))];
    }

    public override void Observe(TableRow row)
    {
        for (var k = 0; k < _indexes.Length; k++)
        {
            if (_indexes[k] >= 0 && !row.IsNull(_indexes[k]))
                _current[k].Add(row[_indexes[k]]);
        }
    }

    public override void Finish(long rows)
    {
        for (var k = 0; k < _indexes.Length; k++)
        {
            if (_indexes[k] < 0)
                continue;
            var column = rule.Columns[k];
            if (_current[k].Count == 0)
            {
                Report(column, rule.Describe(), 0, [], $"has no numbers, so its {rule.Statistic} is unknown");
                continue;
            }

            var value = _current[k].Value(rule.Quantile);
            if (value < (rule.Min ?? double.NegativeInfinity) || value > (rule.Max ?? double.PositiveInfinity))
                Report(column, rule.Describe(), 0, [], $"the {rule.Statistic} is {ChangeLimit.Number(value)} (of {_current[k].Count:N0} numbers); expected {rule.Describe()}");
            if (rule.Change is { } change && _hasBaseline && _baseline is { } baseline && _baselineIndexes[k] >= 0 && baseline[k].Count > 0)
            {
                var before = baseline[k].Value(rule.Quantile);
                if (!change.Allows(before, value))
                    Report(column, rule.Describe(), 0, [], $"the {rule.Statistic} moved from {ChangeLimit.Number(before)} in the destination to {ChangeLimit.Number(value)} ({change.Change(before, value)}); at most {change} is allowed");
            }
        }
    }

    public void StartBaseline(IReadOnlyList<string> header)
    {
        _baselineIndexes = [.. rule.Columns.Select(c => IndexOf(header, c))];
        _baseline = [.. rule.Columns.Select(_ => new NumberSample(rule.Quantile is not null))];
    }

    public void ObserveBaseline(TableRow row)
    {
        for (var k = 0; k < _baselineIndexes.Length; k++)
        {
            if (_baselineIndexes[k] >= 0 && !row.IsNull(_baselineIndexes[k]))
                _baseline![k].Add(row[_baselineIndexes[k]]);
        }
    }

    public void FinishBaseline(long rows) => _hasBaseline = true;
}
