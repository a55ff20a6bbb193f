using MlopsCi.Core.Specs;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Row-level predictions of one model on evaluation rows, from which every metric is computed (so resamples can
/// recompute them). <see cref="Labels"/>: the true value (regression), 0/1 (binary) or the class index (multiclass);
/// <see cref="Predicted"/>: the predicted value, 0/1 or class index; <see cref="Scores"/>: the binary raw score (ranking);
/// <see cref="Probabilities"/>: P(positive) for binary, P(true class) for multiclass, null when the model has none.
/// </summary>
public sealed record Predictions(ModelTask Task, IReadOnlyList<string> Classes, double[] Labels, double[] Predicted, double[]? Scores, double[]? Probabilities)
{
    private int[]? _byScoreDescending;

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>The content hash of each row (see <see cref="RowFingerprints"/>), in row order; null when not known.</summary>
    public ulong[]? RowHashes { get; init; }

    /// <summary>Permutation importance on these rows, when scoring was asked for it.</summary>
    public IReadOnlyList<FeatureImportance>? Importance { get; init; }

    /// <summary>Rows of the evaluation data left out before scoring because they have no label.</summary>
    public int UnlabelledRows { get; init; }

    /// <summary>How a binary model turned scores into labels, when the trainer knows it.</summary>
    public BinaryThreshold? Threshold { get; init; }

    /// <summary>The raw value of each slice column (<c>model.slices</c>) by column name, one per row in row order; null when none.</summary>
    public IReadOnlyDictionary<string, string[]>? Slices { get; init; }

    /// <summary>The rows <paramref name="keep"/> marks, in order.</summary>
    public Predictions Where(bool[] keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        T[] Pick<T>(T[] values) => [.. values.Where((_, i) => keep[i])];
        return new Predictions(Task, Classes, Pick(Labels), Pick(Predicted), Scores is null ? null : Pick(Scores), Probabilities is null ? null : Pick(Probabilities))
        {
            RowHashes = RowHashes is null ? null : Pick(RowHashes),
            UnlabelledRows = UnlabelledRows,
            Threshold = Threshold,
            Slices = Slices?.ToDictionary(s => s.Key, s => Pick(s.Value), StringComparer.Ordinal),
        };
    }

    /// <summary>Row indices ordered by descending score (computed once, for AUC and AUPRC).</summary>
    internal int[] ByScoreDescending
    {
        get
        {
            if (_byScoreDescending is null)
            {
                var scores = Scores ?? Probabilities ?? Predicted;
                var order = Enumerable.Range(0, Count).ToArray();
                Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c and not 0 ? c : a.CompareTo(b));
                _byScoreDescending = order;
            }

            return _byScoreDescending;
        }
    }
}
