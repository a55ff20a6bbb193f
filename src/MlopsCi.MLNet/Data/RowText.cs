using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// Writes rows back as delimited text (the copies training makes: labelled rows, split parts), quoting a field only when
/// it holds the separator, a quote or a line break, so a copy reads back to the same values.
/// </summary>
internal static class RowText
{
    /// <summary>One row and a line break; the missing markers of <paramref name="blank"/> that are numbers are written blank.</summary>
    public static void WriteLine(TextWriter writer, TableRow row, char separator, Core.Specs.MissingValues? blank = null)
    {
        for (var c = 0; c < row.FieldCount; c++)
        {
            if (c > 0)
                writer.Write(separator);
            if (blank is null || !blank.IsNumberMarker(row[c]))
                Write(writer, row[c], separator);
        }

        writer.WriteLine();
    }

    public static void WriteLine(TextWriter writer, IReadOnlyList<string> fields, char separator)
    {
        for (var c = 0; c < fields.Count; c++)
        {
            if (c > 0)
                writer.Write(separator);
            Write(writer, fields[c], separator);
        }

        writer.WriteLine();
    }

    /// <summary>One row as a line (without the line break).</summary>
    public static string Format(TableRow row, char separator)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteLine(writer, row, separator);
        return writer.ToString().TrimEnd('\r', '\n');
    }

    /// <summary>A header as a line (without the line break).</summary>
    public static string Format(IReadOnlyList<string> fields, char separator)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteLine(writer, fields, separator);
        return writer.ToString().TrimEnd('\r', '\n');
    }

    private static void Write(TextWriter writer, ReadOnlySpan<char> value, char separator)
    {
        if (!value.ContainsAny(separator, '"', '\n') && !value.Contains('\r'))
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        while (value.IndexOf('"') is var quote and >= 0)
        {
            writer.Write(value[..(quote + 1)]);
            writer.Write('"');
            value = value[(quote + 1)..];
        }

        writer.Write(value);
        writer.Write('"');
    }
}
