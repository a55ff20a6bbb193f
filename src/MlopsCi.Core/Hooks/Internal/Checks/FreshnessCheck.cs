using System.Globalization;
using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>
/// <c>freshness</c>: keeps the newest instant of the column (dates are midnight UTC, times without an offset are UTC)
/// and, at the end, compares it with the commit time; the finding points at the newest row.
/// </summary>
internal sealed class FreshnessCheck(FreshnessRule rule, string file, int maxSamples, DateTimeOffset commitTime) : TableCheck(file, maxSamples)
{
    private int _index = -1;
    private DateTimeOffset _newest = DateTimeOffset.MinValue;
    private RowRef _where;
    private string? _text;
    private long _undated;

    public override void Start(IReadOnlyList<string> header) => _index = Resolve(header, [rule.Column])[0];

    public override void Observe(TableRow row)
    {
        if (_index < 0 || row.IsNull(_index))
            return;
        if (!DateTimeOffset.TryParse(row[_index], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            _undated++;
            return;
        }

        if (time > _newest)
            (_newest, _where, _text) = (time, new RowRef(row.Number, row.Line), row[_index].ToString());
    }

    public override void Finish(long rows)
    {
        if (_index < 0)
            return;
        if (_text is null)
        {
            Report(rule.Column, rule.Describe(), 0, [], rows == 0 ? "the file has no rows, so nothing in it is fresh" : $"no value of the column is a date or time ({_undated:N0} other values), so its freshness is unknown");
            return;
        }

        var age = commitTime - _newest;
        if (age > rule.MaxAge)
            Report(rule.Column, rule.Describe(), 0, [_where.Sample(_text)], $"the newest value is {Periods.Format(age)} older than the commit time ({commitTime.UtcDateTime:yyyy-MM-dd HH:mm}Z); at most {Periods.Format(rule.MaxAge)} is allowed");
    }
}
