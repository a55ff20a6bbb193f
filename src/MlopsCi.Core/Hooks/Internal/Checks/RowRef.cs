namespace MlopsCi.Core.Hooks.Internal.Checks;

/// <summary>Where a row is: its data row number and the line it starts on (0 when not a text file).</summary>
internal readonly record struct RowRef(long Row, long Line)
{
    public RowSample Sample(string? value) => new(Row, Line == 0 ? null : Line, value);
}
