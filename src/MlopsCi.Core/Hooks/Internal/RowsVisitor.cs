using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>A table visitor made of two delegates (for reads that need no batching: destinations, references, leakage).</summary>
internal sealed class RowsVisitor(Action<IReadOnlyList<string>> header, Action<TableRow> row) : TableVisitor
{
    public long Rows { get; private set; }

    public override void Header(IReadOnlyList<string> columns) => header(columns);

    public override void Row(TableRow row1)
    {
        Rows++;
        row(row1);
    }
}
