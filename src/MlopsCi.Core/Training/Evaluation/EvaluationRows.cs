using System.Globalization;

namespace MlopsCi.Core.Training.Evaluation;

/// <summary>
/// The rows models were scored on: <paramref name="Rows"/> kept, <paramref name="LeftOut"/> left out because a compared
/// model trained on them (<paramref name="Models"/> says which), and <paramref name="Unlabelled"/> rows of the evaluation
/// data without a label.
/// </summary>
public sealed record EvaluationRows(int Rows, int LeftOut, IReadOnlyList<ModelOverlap> Models, int Unlabelled)
{
    /// <summary>Fewer evaluation rows than this get a warning: every interval is then wide.</summary>
    public const int FewRows = 100;

    /// <summary>The one line every comparison shows, e.g. "evaluation: 292 rows, 0 seen in training by either model".</summary>
    public string Describe()
    {
        var known = Models.Where(m => m.Seen is not null).ToList();
        var who = known.Count == Models.Count
            ? Models.Count switch { 1 => "the model", 2 => "either model", _ => "any model" }
            : known.Count == 0 ? null : string.Join(" or ", known.Select(m => "the " + m.Role));
        var line = $"evaluation: {Count(Rows)} rows" + (who is null ? "" : $", 0 seen in training by {who}");
        if (LeftOut > 0)
            line += $" ({Count(LeftOut)} of {Count(Rows + LeftOut)} left out as seen in training: {string.Join(", ", known.Select(m => $"{Count(m.Seen!.Value)} by the {m.Role}"))})";
        foreach (var unknown in Models.Where(m => m.Seen is null))
            line += $"; the {unknown.Role} ({unknown.Model}) has no training-row fingerprints (trained before they were recorded), so rows it trained on cannot be left out";
        if (Unlabelled > 0)
            line += $"; {Count(Unlabelled)} row{(Unlabelled == 1 ? "" : "s")} without a label left out";
        return line;
    }

    /// <summary>A warning when there are fewer than <see cref="FewRows"/> evaluation rows, else null.</summary>
    public string? Warning => Rows < FewRows
        ? $"only {Count(Rows)} evaluation rows (under {FewRows}): every interval is wide and small changes cannot be told from noise; add rows, raise model.data.split, or set model.data.test"
        : null;

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
