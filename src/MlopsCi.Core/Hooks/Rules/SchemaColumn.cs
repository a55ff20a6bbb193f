namespace MlopsCi.Core.Hooks.Rules;

/// <summary>A column a schema requires, with its type.</summary>
public sealed record SchemaColumn(string Name, ColumnType Type);
