namespace MlopsCi.MLNet.Data;

/// <summary>How a delimited text file is split: separator and whether fields may be quoted.</summary>
internal sealed record TextFormat(char Separator, bool Quoted)
{
    public static TextFormat Tsv { get; } = new('\t', false);

    /// <summary>The separators sniffed, in order of preference on a tie.</summary>
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>
    /// The given separator, else sniffed: a candidate fits when it splits the header into two or more fields and every
    /// sampled line into as many. The extension's own (.csv comma, .tsv/.tab tab) wins when it fits; else the fitting one
    /// with the most fields (a ';'-separated .csv is read as such); when none fits, the extension's, else the most frequent.
    /// </summary>
    public static TextFormat Detect(string path, string header, IReadOnlyList<string> sample, char? separator = null)
    {
        if (separator is { } given)
            return new TextFormat(given, true);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        char? own = extension == ".csv" ? ',' : extension is ".tsv" or ".tab" ? '\t' : null;
        var fields = new List<string>();
        int Count(string line, char c)
        {
            new TextFormat(c, true).Split(line, fields);
            return fields.Count;
        }

        var widths = Candidates.ToDictionary(c => c, c => Count(header, c));
        var fits = Candidates.Where(c => widths[c] > 1 && sample.All(line => line.Length == 0 || Count(line, c) == widths[c])).ToList();
        if (own is { } preferred && fits.Contains(preferred))
            return new TextFormat(preferred, true);
        if (fits.Count > 0)
            return new TextFormat(fits.MaxBy(c => widths[c]), true);
        return new TextFormat(own ?? Candidates.MaxBy(c => widths[c]), true);
    }

    /// <summary>Splits one line into fields (RFC 4180 quotes when <see cref="Quoted"/>).</summary>
    public void Split(string line, List<string> fields)
    {
        fields.Clear();
        if (!Quoted || !line.Contains('"', StringComparison.Ordinal))
        {
            var start = 0;
            while (true)
            {
                var next = line.IndexOf(Separator, start);
                if (next < 0)
                {
                    fields.Add(line[start..]);
                    return;
                }

                fields.Add(line[start..next]);
                start = next + 1;
            }
        }

        var field = new System.Text.StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    (field, i) = (field.Append('"'), i + 1);
                else if (c == '"')
                    inQuotes = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                inQuotes = true;
            else if (c == Separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
                field.Append(c);
        }

        fields.Add(field.ToString());
    }
}
