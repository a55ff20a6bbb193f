using System.Text;
using MlopsCi.Core.Training.Evaluation;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>
/// The error-analysis parts of the comment's metrics section: the footnote of the tests beside the bootstrap (and a
/// visible line when they disagree with it), the folded main-vs-PR confusion matrix with the largest per-class changes,
/// and the slice table.
/// </summary>
internal static class AnalysisMarkdown
{
    /// <summary>
    /// A line saying which tests disagree with the bootstrap's verdict, or null. The headline stays the bootstrap's; a
    /// reviewer should know when a classical test reads the same rows differently.
    /// </summary>
    public static string? Disagreement(ComparisonSection c)
    {
        var disagreeing = c.Tests.Where(t => t.AgreesWithBootstrap == false).ToList();
        if (disagreeing.Count == 0)
            return null;
        var parts = disagreeing.Select(t => $"{Name(t.Test)} says {Word(t.Verdict)} on {Code(t.Metric)} (p = {SignificanceTests.P(t.PValue)}), the bootstrap {Word(c[t.Metric]?.Verdict ?? Verdict.NoSignificantChange)}");
        return $"ℹ️ The tests beside the bootstrap disagree: {string.Join("; ", parts)}. The headline follows the bootstrap; read the change as borderline.";
    }

    public static void AppendTests(StringBuilder md, ComparisonSection c)
    {
        if (c.Tests.Count == 0)
            return;
        var parts = c.Tests.Select(t => $"{Name(t.Test)} on {Code(t.Metric)}: {t.Detail}, {Word(t.Verdict)}");
        var disagreeing = c.Tests.Where(t => t.AgreesWithBootstrap == false).Select(t => Name(t.Test)).ToList();
        var agreement = disagreeing.Count == 0
            ? (c.Tests.Count == 1 ? "it agrees with the bootstrap" : "they agree with the bootstrap")
            : $"{string.Join(" and ", disagreeing)} disagree{(disagreeing.Count == 1 ? "s" : "")} with the bootstrap: see the note under the headline";
        md.Append($"<sub>Beside the bootstrap — {string.Join(" · ", parts)} ({agreement}).</sub>\n\n");
    }

    public static void AppendConfusion(StringBuilder md, ComparisonSection c, RenderLimits limits)
    {
        if (c.BaselineConfusion is not { } before || c.CandidateConfusion is not { } after || !before.Classes.SequenceEqual(after.Classes))
            return;
        var classes = after.Classes;
        md.Append($"<details><summary>Confusion matrix — main → PR ({classes.Count} classes, rows: true class)</summary>\n\n");
        if (classes.Count <= limits.ConfusionClasses)
        {
            md.Append("| true ＼ predicted | ").Append(string.Join(" | ", classes.Select(Cell))).Append(" |\n");
            md.Append("|---|").Append(string.Concat(classes.Select(_ => "--:|"))).Append('\n');
            for (var a = 0; a < classes.Count; a++)
            {
                md.Append($"| {Cell(classes[a])} |");
                for (var p = 0; p < classes.Count; p++)
                {
                    var cell = before[a, p] == after[a, p] ? Count(after[a, p]) : $"{Count(before[a, p])} → {Count(after[a, p])}";
                    md.Append(' ').Append(a == p ? $"**{cell}**" : cell).Append(" |");
                }

                md.Append('\n');
            }

            md.Append("\n<sub>Counts of evaluation rows; the diagonal (bold) is right. \"a → b\": main's count, then the PR's.</sub>\n\n");
        }
        else
        {
            md.Append($"{Count(classes.Count)} classes are too many for a table here; `mlops runs compare --json` has both matrices.\n\n");
        }

        // A class without evaluation rows that neither model predicts has nothing to show (0 → 0 everywhere).
        var changes = before.PerClass().Zip(after.PerClass())
            .Where(x => x.First.Seen || x.Second.Seen)
            .OrderByDescending(x => Math.Abs(x.Second.F1 - x.First.F1))
            .ThenBy(x => x.Second.Class, StringComparer.Ordinal)
            .ToList();
        var shown = Math.Min(changes.Count, limits.ClassRows);
        md.Append("Largest changes per class (F1):\n\n| Class | rows | precision | recall | F1 | Δ F1 |\n|---|--:|--:|--:|--:|--:|\n");
        foreach (var (b, a) in changes.Take(shown))
            md.Append($"| {Cell(a.Class)} | {Count(a.Support)} | {Value(b.Precision)} → {Value(a.Precision)} | {Value(b.Recall)} → {Value(a.Recall)} | {Value(b.F1)} → {Value(a.F1)} | {Signed(a.F1 - b.F1)} |\n");
        if (changes.Count > shown)
            md.Append($"\n<sub>… and {Plural(changes.Count - shown, "more class")} not shown.</sub>\n");
        md.Append("\n</details>\n\n");
    }

    public static void AppendSlices(StringBuilder md, ComparisonSection c, RenderLimits limits)
    {
        if (c.Slices.Count == 0)
            return;
        var compared = c.Slices.Where(s => s.Comparison is not null).ToList();
        var other = c.Slices.Where(s => s.Comparison is null).ToList();
        var worse = compared.Count(s => s.Worse);
        var columns = string.Join(", ", c.Slices.Select(s => s.Column).Distinct(StringComparer.Ordinal).Select(Code));
        md.Append($"#### 🧩 Slices — {Code(c.PrimaryMetric)} per value of {columns}{(worse > 0 ? $", {Plural(worse, "slice")} significantly worse" : "")}\n\n");
        if (compared.Count > 0)
        {
            md.Append("| Slice | rows | main | PR | Δ | 95% CI | |\n|---|--:|--:|--:|--:|:-:|:-:|\n");
            foreach (var s in compared.Take(limits.SliceRows))
            {
                var m = s.Comparison!;
                var icon = m.Verdict switch { Verdict.Better => "✅", Verdict.Worse => "⚠️", _ => "➖" };
                md.Append($"| {Code(s.Column)} = {Cell(s.Value)} | {Count(s.Rows)} | {Value(m.Baseline)} | {Value(m.Candidate)} | {Signed(m.Delta)} | [{Signed(m.CiLow)}, {Signed(m.CiHigh)}] | {icon} |\n");
            }

            if (compared.Count > limits.SliceRows)
                md.Append($"\n<sub>… and {Plural(compared.Count - limits.SliceRows, "more slice")} not shown.</sub>\n");
            md.Append('\n');
        }

        if (other.Count > 0)
        {
            var listed = other.Take(limits.SliceRows).Select(s => $"{Code(s.Column)} = {Cell(s.Value)} ({Count(s.Rows)}{(s.Note?.StartsWith("too small", StringComparison.Ordinal) == true ? "" : ", " + s.Note)})");
            md.Append($"Not compared — under {SliceAnalysis.MinRows} rows, or the metric is undefined there: {string.Join(", ", listed)}{(other.Count > limits.SliceRows ? $" and {Plural(other.Count - limits.SliceRows, "more")}" : "")}.\n\n");
        }

        md.Append($"<sub>The paired bootstrap of the whole set, run on each slice's rows ({Count(c.Resamples)} resamples); slices that got significantly worse come first. Many slices mean some will differ by chance.</sub>\n\n");
    }

    private static string Name(string test) => test switch
    {
        SignificanceTests.DeLongName => "DeLong's test",
        SignificanceTests.McNemarName => "McNemar's exact test",
        _ => test,
    };

    private static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Better => "better",
        Verdict.Worse => "worse",
        _ => "no significant change",
    };
}
