namespace MlopsCi.Core.Hooks.Tables;

/// <summary>
/// The separator of a delimited file that does not state one, from its first lines: a candidate (, ; tab |) fits when it
/// splits the first line into two or more fields and every other sampled line into as many. The extension's own
/// (.csv comma, .tsv tab) wins when it fits; else the fitting one with the most fields (a ';'-separated .csv is read as
/// such); when none fits, the extension's, else the one that splits the first line into the most fields.
/// </summary>
public static class CsvSniffer
{
    /// <summary>Lines after the first that are sampled.</summary>
    public const int SampledLines = 20;

    /// <summary>The separators sniffed, in order of preference on a tie.</summary>
    public static IReadOnlyList<char> Candidates { get; } = [',', ';', '\t', '|'];

    /// <summary>The separator of a file of <paramref name="format"/> whose text starts with <paramref name="head"/>.</summary>
    /// <param name="format">The file's format (<see cref="TableFormats.Of"/>): "csv" prefers a comma, "tsv" a tab.</param>
    /// <param name="head">The start of the text; a last line without a line break is ignored unless <paramref name="complete"/>.</param>
    /// <param name="complete">Whether <paramref name="head"/> is the whole text.</param>
    /// <param name="decimalMark">The numbers' decimal mark: a decimal comma rules the comma out as a separator.</param>
    public static char Separator(string format, ReadOnlySpan<char> head, bool complete, char decimalMark = '.')
    {
        var candidates = Candidates.Where(c => c != decimalMark).ToList();
        char? own = format switch { "csv" => ',', "tsv" => '\t', _ => null };
        if (own == decimalMark)
            own = null;
        var lines = Lines(head, complete);
        if (lines.Count == 0)
            return own ?? candidates[0];
        var widths = candidates.Select(c => Count(lines[0], c)).ToArray();
        var fits = Enumerable.Range(0, candidates.Count)
            .Where(i => widths[i] > 1 && lines.Skip(1).All(line => line.Length == 0 || Count(line, candidates[i]) == widths[i]))
            .ToList();
        if (own is { } preferred && fits.Contains(candidates.IndexOf(preferred)))
            return preferred;
        if (fits.Count > 0)
            return candidates[fits.MaxBy(i => widths[i])];
        return own ?? candidates[Enumerable.Range(0, candidates.Count).MaxBy(i => widths[i])];
    }

    /// <summary>The first records of the head: a line break inside quotes does not end one (RFC 4180).</summary>
    private static List<string> Lines(ReadOnlySpan<char> head, bool complete)
    {
        var lines = new List<string>(SampledLines + 1);
        var (start, quoted) = (0, false);
        for (var i = 0; i < head.Length && lines.Count <= SampledLines; i++)
        {
            var c = head[i];
            if (c == '"')
                quoted = !quoted;
            else if (c is '\r' or '\n' && !quoted)
            {
                lines.Add(head[start..i].ToString());
                if (c == '\r' && i + 1 < head.Length && head[i + 1] == '\n')
                    i++;
                start = i + 1;
            }
        }

        if (complete && start < head.Length && lines.Count <= SampledLines)
            lines.Add(head[start..].ToString());

        // Blank lines before the first row are not the first row.
        while (lines.Count > 0 && lines[0].Length == 0)
            lines.RemoveAt(0);
        return lines;
    }

    /// <summary>Fields of one line split by <paramref name="separator"/> outside quotes.</summary>
    private static int Count(string line, char separator)
    {
        var (fields, quoted) = (1, false);
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == separator && !quoted)
                fields++;
        }

        return fields;
    }
}
