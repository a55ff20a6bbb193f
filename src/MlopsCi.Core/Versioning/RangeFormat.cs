using System.Globalization;
using System.Text;

namespace MlopsCi.Core.Versioning;

/// <summary>
/// A range is UTF-8 text, one entry per line: <c>hash TAB size TAB path LF</c>, sorted by path (ordinal).
/// Paths never contain control characters (<see cref="PathRules"/>), so the format needs no escaping.
/// </summary>
internal static class RangeFormat
{
    public static byte[] Write(IReadOnlyList<Entry> entries, int start, int count)
    {
        var builder = new StringBuilder(count * 100);
        for (var i = start; i < start + count; i++)
        {
            var e = entries[i];
            builder.Append(e.Hash).Append('\t').Append(e.Size.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(e.Path).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public static Entry[] Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).AsSpan();
        var entries = new List<Entry>();
        while (!text.IsEmpty)
        {
            var end = text.IndexOf('\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            var tab1 = line.IndexOf('\t');
            var rest = line[(tab1 + 1)..];
            var tab2 = rest.IndexOf('\t');
            if (tab1 <= 0 || tab2 <= 0)
                throw new FormatException($"entry {entries.Count + 1} is not 'hash TAB size TAB path'");
            StoredObjects.RequireId(line[..tab1].ToString(), $"entry {entries.Count + 1}'s hash");
            entries.Add(new Entry(rest[(tab2 + 1)..].ToString(), line[..tab1].ToString(), long.Parse(rest[..tab2], CultureInfo.InvariantCulture)));
        }

        return [.. entries];
    }
}
