namespace MlopsCi.Core.Hooks.Rules;

/// <summary>The value types a schema can require of a column. Null (empty) cells are left to the not-null rules.</summary>
public enum ColumnType
{
    /// <summary>Any text.</summary>
    String,

    /// <summary>A whole number (64-bit).</summary>
    Integer,

    /// <summary>A number (double precision; invariant culture, '.' decimal separator).</summary>
    Number,

    /// <summary>true/false (also True, FALSE, 1, 0).</summary>
    Boolean,

    /// <summary>A calendar date, e.g. 2024-01-31.</summary>
    Date,

    /// <summary>A date and time, e.g. 2024-01-31T12:00:00Z.</summary>
    DateTime,
}
