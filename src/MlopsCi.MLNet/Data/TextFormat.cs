namespace MlopsCi.MLNet.Data;

/// <summary>How a delimited text file is split: separator and whether fields may be quoted.</summary>
internal sealed record TextFormat(char Separator, bool Quoted)
{
    public static TextFormat Tsv { get; } = new('\t', false);

    /// <summary>By extension (.csv comma, .tsv/.tab tab), else by counting in the header line.</summary>
    public static TextFormat Detect(string path, string header)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".csv")
            return new TextFormat(',', true);
        if (extension is ".tsv" or ".tab")
            return new TextFormat('\t', true);
        var tabs = header.Count(c => c == '\t');
        var semicolons = header.Count(c => c == ';');
        var commas = header.Count(c => c == ',');
        return tabs >= commas && tabs >= semicolons && tabs > 0 ? new TextFormat('\t', true) : semicolons > commas ? new TextFormat(';', true) : new TextFormat(',', true);
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
