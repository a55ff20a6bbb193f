using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Core.Hooks.Internal;

/// <summary>A table visitor made of two delegates (for reads that need no batching: destinations, references, leakage).</summary>
internal sealed class RowsVisitor(Action<IReadOnlyList<string>> onHeader, Action<TableRow> onRow) : TableVisitor
{
    public long Rows { get; private set; }

    public override void Header(IReadOnlyList<string> columns) => onHeader(columns);

    public override void Row(TableRow row)
    {
        Rows++;
        onRow(row);
    }
}
