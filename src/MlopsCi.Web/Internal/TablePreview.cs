using System.Globalization;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Web.Internal;

/// <summary>The first <see cref="MaxRows"/> rows of a table and each column's kind, inferred as drift does.</summary>
internal static class TablePreview
{
    public const int MaxRows = 100;

    public static async Task<PreviewView> ReadAsync(ITableReader reader, Stream content, string path, CancellationToken cancellationToken)
    {
        var visitor = new Collector();
        try
        {
            await reader.ReadAsync(content, path, visitor, cancellationToken);
        }
        catch (EnoughRowsException)
        {
            // Readers stream the whole table; a preview stops it once it has its rows instead of reading gigabytes.
        }

        var types = visitor.Columns.Select((_, i) => TypeOf(visitor.Rows.Where(r => i < r.Count).Select(r => r[i]))).ToList();
        return new PreviewView(visitor.Columns, types, visitor.Rows, visitor.More);
    }

    /// <summary>integer, number, date, text, or empty when the shown rows have no value.</summary>
    internal static string TypeOf(IEnumerable<string> column)
    {
        var values = column.Where(v => v.Trim() is not ("" or "NA" or "N/A" or "NaN" or "null" or "NULL")).ToList();
        if (values.Count == 0)
            return "empty";
        if (values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            return values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) ? "integer" : "number";
        if (values.All(v => v.Any(c => c is '-' or '/' or ':') && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)))
            return "date";
        return "text";
    }

    private sealed class Collector : TableVisitor
    {
        public IReadOnlyList<string> Columns { get; private set; } = [];

        public List<IReadOnlyList<string>> Rows { get; } = [];

        public bool More { get; private set; }

        public override void Header(IReadOnlyList<string> columns) => Columns = [.. columns];

        public override void Row(TableRow row)
        {
            if (Rows.Count == MaxRows)
            {
                More = true;
                throw new EnoughRowsException();
            }

            var values = new string[row.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = row[i].ToString();
            Rows.Add(values);
        }
    }

    private sealed class EnoughRowsException : Exception;
}
