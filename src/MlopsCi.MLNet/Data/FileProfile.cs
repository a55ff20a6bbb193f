using MlopsCi.Core.Hooks.Tables;

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

    /// <summary>How often each missing marker stood for the label ("" for a blank cell), in the rows read.</summary>
    public IReadOnlyDictionary<string, int> MissingLabelValues { get; init; } = new Dictionary<string, int>();

    /// <summary>The rows of the file as given that had no label: those left out before this copy, else those in it.</summary>
    public Core.Training.UnlabelledRows? Unlabelled { get; init; }

    /// <summary><see cref="Unlabelled"/>, or this file's own rows without a label.</summary>
    public Core.Training.UnlabelledRows LabelGaps =>
        Unlabelled ?? new Core.Training.UnlabelledRows(MissingLabels, Rows, MissingLabelValues, Format.Missing.Markers, Format.MissingMarkers is not null, LabelValues is not null);

    public int IndexOf(string column) => Header.ToList().IndexOf(column);

    /// <summary>
    /// Every non-empty data row, in file order, read by the file's format. The row is reused: read it before the callback
    /// returns.
    /// </summary>
    public void ReadRows(Action<TableRow> onRow)
    {
        using var stream = File.OpenRead(LocalPath);
        Format.Reader(LocalPath).Read(stream, DisplayName, new RowCallback(onRow));
    }
}
