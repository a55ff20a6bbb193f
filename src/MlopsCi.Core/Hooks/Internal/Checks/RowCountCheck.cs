using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary><c>row-count</c>: judged once the file's rows are counted, against bounds and (with a change limit) the destination's count.</summary>
internal sealed class RowCountCheck(RowCountRule rule, string file, int maxSamples) : TableCheck(file, maxSamples), IBaselineCheck
{
    private long? _baseline;

    public bool NeedsBaseline => rule.Change is not null;

    public override void Start(IReadOnlyList<string> header)
    {
    }

    public override void Observe(TableRow row)
    {
    }

    public override void Finish(long rows)
    {
        if (rows < (rule.Min ?? 0) || rows > (rule.Max ?? long.MaxValue))
            Report(null, rule.Describe(), 0, [], $"has {Rows(rows)}; expected {rule.Describe()}");
        if (rule.Change is { } change && _baseline is { } before && !change.Allows(before, rows))
            Report(null, rule.Describe(), 0, [], $"has {Rows(rows)}, {change.Change(before, rows)} from the destination's {Rows(before)}; at most {change} is allowed");
    }

    public void StartBaseline(IReadOnlyList<string> header)
    {
    }

    public void ObserveBaseline(TableRow row)
    {
    }

    public void FinishBaseline(long rows) => _baseline = rows;
}
