using MlopsCi.Core.Hooks.Rules;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary><c>row-count</c>: judged once the file's rows are counted.</summary>
internal sealed class RowCountCheck(RowCountRule rule, string file, int maxSamples) : TableCheck(file, maxSamples)
{
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
    }
}
