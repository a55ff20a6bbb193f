using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.MLNet.Data;

/// <summary>A visitor that hands every row to a callback (the header is known already).</summary>
internal sealed class RowCallback(Action<TableRow> onRow) : TableVisitor
{
    public override void Header(IReadOnlyList<string> columns)
    {
    }

    public override void Row(TableRow row) => onRow(row);
}
