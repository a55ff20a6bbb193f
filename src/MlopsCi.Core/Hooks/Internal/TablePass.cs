using MlopsCi.Core.Hooks.Internal.Checks;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>Feeds one file's rows to every check that applies to it, so a file is read once however many hooks look at it.</summary>
internal sealed class TablePass(TableCheck[] checks) : TableVisitor
{
    public long Rows { get; private set; }

    public override void Header(IReadOnlyList<string> columns)
    {
        foreach (var check in checks)
            check.Start(columns);
    }

    public override void Row(TableRow row)
    {
        Rows++;
        foreach (var check in checks)
            check.Observe(row);
    }

    public void Finish()
    {
        foreach (var check in checks)
            check.Finish(Rows);
    }
}
