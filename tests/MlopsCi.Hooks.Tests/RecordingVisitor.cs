using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Hooks.Tests;

/// <summary>Keeps what a table reader produced.</summary>
internal sealed class RecordingVisitor : TableVisitor
{
    public IReadOnlyList<string> Columns { get; private set; } = [];

    public List<(long Number, long Line, string[] Cells)> Rows { get; } = [];

    public override void Header(IReadOnlyList<string> columns) => Columns = columns;

    public override void Row(TableRow row) => Rows.Add((row.Number, row.Line, [.. row.ToList()]));
}
