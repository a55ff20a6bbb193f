using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// Leaves out of an evaluation every row a compared model trained on (matched by row content hash against the run's
/// training-row fingerprints), so no model is scored on its own training rows; says how many were left out.
/// </summary>
public static class TrainingOverlap
{
    /// <summary>
    /// The mask of rows to keep and the account of what was left out. <paramref name="evaluated"/> carries the row hashes;
    /// each model's fingerprints are null when its run has none.
    /// </summary>
    public static (bool[] Keep, EvaluationRows Rows) Check(Predictions evaluated, IReadOnlyList<(string Role, string Model, RowFingerprints? Training)> models)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        ArgumentNullException.ThrowIfNull(models);
        var keep = new bool[evaluated.Count];
        Array.Fill(keep, true);
        var overlaps = new List<ModelOverlap>(models.Count);
        foreach (var (role, model, training) in models)
        {
            if (training is null || evaluated.RowHashes is not { } hashes)
            {
                overlaps.Add(new ModelOverlap(role, model, null));
                continue;
            }

            var seen = 0;
            for (var i = 0; i < hashes.Length; i++)
            {
                if (training.Contains(hashes[i]))
                    (seen, keep[i]) = (seen + 1, false);
            }

            overlaps.Add(new ModelOverlap(role, model, seen));
        }

        var kept = keep.Count(k => k);
        var rows = new EvaluationRows(kept, evaluated.Count - kept, overlaps, evaluated.UnlabelledRows);
        if (kept == 0 && evaluated.Count > 0)
            throw new OperationFailedException($"Every one of the {evaluated.Count:N0} evaluation rows was seen in training ({string.Join(", ", overlaps.Where(o => o.Seen > 0).Select(o => $"{o.Seen:N0} by the {o.Role} {o.Model}"))}); no model may be scored on its own training rows. Evaluate on rows neither model trained on: set model.data.test to a file of new rows.");
        return (keep, rows);
    }

    /// <summary>The predictions of the rows <paramref name="keep"/> marks (the same object when it keeps all).</summary>
    public static Predictions Apply(Predictions predictions, bool[] keep)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(keep);
        return keep.All(k => k) ? predictions : predictions.Where(keep);
    }
}
