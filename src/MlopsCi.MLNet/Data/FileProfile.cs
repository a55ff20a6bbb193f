namespace MlopsCi.MLNet.Data;

/// <summary>
/// What one pass over a delimited file found: header, format, row count, which columns are numeric, how many values
/// each column misses, the label's distinct values (classification) and rows without a label.
/// </summary>
internal sealed record FileProfile(
    string LocalPath,
    string DisplayName,
    TextFormat Format,
    IReadOnlyList<string> Header,
    int Rows,
    IReadOnlyList<bool> Numeric,
    IReadOnlyList<int> Missing,
    IReadOnlyDictionary<string, int>? LabelValues,
    int MissingLabels)
{
    /// <summary>Rows without a label that were left out of this file before it was written (0 when none were).</summary>
    public int DroppedUnlabelled { get; init; }

    public int IndexOf(string column) => Header.ToList().IndexOf(column);

    /// <summary>
    /// The fields of every non-empty data row, in file order, split by the file's format. The list is reused from row to
    /// row: read it before asking for the next one.
    /// </summary>
    public IEnumerable<List<string>> Records()
    {
        using var reader = new StreamReader(LocalPath, System.Text.Encoding.UTF8, true, 1 << 16);
        reader.ReadLine();
        var fields = new List<string>(Header.Count);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
                continue;
            Format.Split(line, fields);
            yield return fields;
        }
    }
}
