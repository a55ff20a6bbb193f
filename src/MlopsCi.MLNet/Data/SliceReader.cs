using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;

namespace MlopsCi.MLNet.Data;

/// <summary>
/// The raw values of the spec's slice columns (<c>model.slices</c>) of every non-empty row of an evaluation file, in
/// file order: the same rows, in the same order, the loader scores.
/// </summary>
internal static class SliceReader
{
    public static IReadOnlyDictionary<string, string[]>? Read(ModelSpec spec, FileProfile file)
    {
        if (spec.Slices is not { Count: > 0 } slices)
            return null;
        var indices = slices.Select(column => file.IndexOf(column) is var i and >= 0
            ? i
            : throw new InvalidInputException($"{spec.At("slices")}: slice column '{column}' is not in {file.DisplayName} (columns: {string.Join(", ", file.Header)}). Name categorical columns of the evaluation data, or remove it from 'slices'.")).ToArray();
        var values = slices.Select(_ => new List<string>(file.Rows)).ToArray();
        file.ReadRows(row =>
        {
            for (var s = 0; s < indices.Length; s++)
                values[s].Add(indices[s] < row.FieldCount ? row[indices[s]].Trim().ToString() : "");
        });

        return slices.Select((column, s) => (column, values[s])).ToDictionary(x => x.column, x => x.Item2.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The predictions with their slice values, when the counts agree (else without: the rows would not line up).</summary>
    public static Predictions Attach(Predictions predictions, IReadOnlyDictionary<string, string[]>? slices) =>
        slices is null || slices.Values.Any(v => v.Length != predictions.Count) ? predictions : predictions with { Slices = slices };
}
