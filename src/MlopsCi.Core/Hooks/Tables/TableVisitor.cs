namespace MlopsCi.Core.Hooks.Tables;

/// <summary>Receives a table as a reader streams it: the header once, then every row (the same reused <see cref="TableRow"/>).</summary>
public abstract class TableVisitor
{
    /// <summary>The column names, in file order.</summary>
    public abstract void Header(IReadOnlyList<string> columns);

    /// <summary>One data row; valid only during the call.</summary>
    public abstract void Row(TableRow row);
}
