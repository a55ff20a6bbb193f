using MlopsCi.Core.Training.Evaluation;
using static MlopsCi.Cli.Commands.TrainingViews;

namespace MlopsCi.Cli.Commands;

/// <summary>How error analysis, slices and the significance tests look on the console and in <c>--json</c>.</summary>
internal static class AnalysisViews
{
    private const int ShownCurvePoints = 11;

    public static void WriteAnalysis(TextWriter w, ErrorAnalysis analysis)
    {
        if (analysis.Confusion is { } confusion)
        {
            w.WriteLine("confusion matrix (rows: true class, columns: predicted; count and share of the true class):");
            WriteConfusion(w, confusion);
            w.WriteLine($"  {"class",-16} {"support",8} {"precision",10} {"recall",8} {"f1",8}");
            foreach (var c in analysis.Classes)
                w.WriteLine($"  {Clip(c.Class, 16),-16} {c.Support,8:N0} {Defined(c.DefinedPrecision),10} {Defined(c.DefinedRecall),8} {Defined(c.DefinedF1),8}");
        }

        if (analysis.Threshold is { } threshold)
            w.WriteLine($"threshold: positive when {threshold.Column} > {F(threshold.Value)}");
        if (analysis.Roc.Count > 0)
        {
            w.WriteLine($"curves: ROC {analysis.Roc.Count} points, precision-recall {analysis.PrecisionRecall.Count} points (all in --json); every {Math.Max(1, (analysis.Roc.Count - 1) / (ShownCurvePoints - 1))}th:");
            w.WriteLine($"  {"threshold",10} {"fpr",8} {"tpr",8} {"recall",8} {"precision",10}");
            var step = Math.Max(1, (analysis.Roc.Count - 1) / (ShownCurvePoints - 1));
            for (var i = 0; i < analysis.Roc.Count; i += step)
            {
                var (roc, pr) = (analysis.Roc[i], analysis.PrecisionRecall[Math.Min(i, analysis.PrecisionRecall.Count - 1)]);
                w.WriteLine($"  {(roc.Threshold is { } t ? F(t) : "-"),10} {F(roc.X),8} {F(roc.Y),8} {F(pr.X),8} {F(pr.Y),10}");
            }
        }

        if (analysis.Slices.Count > 0)
        {
            w.WriteLine($"slices ({analysis.Slices[0].Metric} per value):");
            foreach (var s in analysis.Slices)
                w.WriteLine($"  {Clip($"{s.Column}={s.Value}", 30),-30} {s.Rows,8:N0} rows  {(s.Score is { } v ? F(v) : "undefined"),8}");
        }
    }

    /// <summary>A figure that a class cannot have (<see cref="ClassMetrics"/>'s Defined… members) reads "-", not 0.</summary>
    private static string Defined(double? value) => value is { } v ? F(v) : "-";

    public static void WriteConfusion(TextWriter w, ConfusionMatrix confusion)
    {
        var rates = confusion.Rates;
        var cells = confusion.Counts.Select((row, a) => row.Select((n, p) => $"{n:N0} ({F(rates[a][p])})").ToList()).ToList();
        // Wide enough for the longest cell or class name, and a gap of two: a column never runs into the next.
        var width = Math.Max(12, Math.Max(confusion.Classes.Max(c => Math.Min(c.Length, 16)), cells.SelectMany(r => r).Max(c => c.Length)) + 2);
        w.WriteLine($"  {"",-16}" + string.Concat(confusion.Classes.Select(c => Clip(c, 16).PadLeft(width))));
        for (var a = 0; a < confusion.Classes.Count; a++)
            w.WriteLine($"  {Clip(confusion.Classes[a], 16),-16}" + string.Concat(cells[a].Select(cell => cell.PadLeft(width))));
    }

    public static void WriteTests(TextWriter w, IReadOnlyList<SignificanceTest> tests)
    {
        foreach (var t in tests)
        {
            var agreement = t.AgreesWithBootstrap switch
            {
                true => "agrees with the bootstrap",
                false => "DISAGREES with the bootstrap",
                null => "no bootstrap verdict to compare",
            };
            w.WriteLine($"{t.Test} on {t.Metric}: {Verdict(t.Verdict)}; {t.Detail} ({agreement})");
        }
    }

    public static void WriteSlices(TextWriter w, IReadOnlyList<SliceComparison> slices)
    {
        if (slices.Count == 0)
            return;
        w.WriteLine($"slices (paired bootstrap per value; slices under {SliceAnalysis.MinRows} rows are too small):");
        foreach (var s in slices)
        {
            var name = Clip($"{s.Column}={s.Value}", 30);
            w.WriteLine(s.Comparison is { } m
                ? $"  {name,-30} {s.Rows,7:N0} rows  {m.Metric} {F(m.Baseline)} → {F(m.Candidate)} ({(m.Delta >= 0 ? "+" : "")}{F(m.Delta)}, CI [{F(m.CiLow)}, {F(m.CiHigh)}]) {Verdict(m.Verdict)}"
                : $"  {name,-30} {s.Rows,7:N0} rows  {s.Note}");
        }
    }

    public static object Json(IReadOnlyList<SignificanceTest> tests) => tests.Select(t => new
    {
        test = t.Test,
        metric = t.Metric,
        baseline = t.Baseline,
        candidate = t.Candidate,
        statistic = t.Statistic,
        pValue = t.PValue,
        verdict = Verdict(t.Verdict),
        agreesWithBootstrap = t.AgreesWithBootstrap,
        detail = t.Detail,
    });

    public static object Json(IReadOnlyList<SliceComparison> slices) => slices.Select(s => new
    {
        column = s.Column,
        value = s.Value,
        rows = s.Rows,
        metric = s.Comparison?.Metric,
        baseline = s.Comparison?.Baseline,
        candidate = s.Comparison?.Candidate,
        delta = s.Comparison?.Delta,
        ciLow = s.Comparison?.CiLow,
        ciHigh = s.Comparison?.CiHigh,
        verdict = s.Comparison is { } m ? Verdict(m.Verdict) : null,
        note = s.Note,
    });

    public static object? Json(ConfusionMatrix? confusion) => confusion is null ? null : new { classes = confusion.Classes, counts = confusion.Counts, rates = confusion.Rates };

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
