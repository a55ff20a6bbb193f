using System.Globalization;
using MlopsCi.Core.Training;
using MlopsCi.Web.Charts;
using MlopsCi.Web.Internal;

namespace MlopsCi.Web.Pages;

/// <summary>The runs table, a run, and runs compared.</summary>
internal static class RunPages
{
    public static Html Runs(IReadOnlyList<RunRow> runs)
    {
        var h = new Html().Heading("Runs");
        if (runs.Count == 0)
            return h.Para("No runs yet: 'mlops train' records one.", "muted");
        var metrics = runs.SelectMany(r => r.Metrics.Keys).Where(k => !k.Contains(':', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        h.Raw("<form action=\"/runs/compare\" method=\"get\"><p><label>Filter <input id=\"filter\" placeholder=\"model, trainer, commit…\"></label> ")
            .Raw("<button type=\"submit\" id=\"compare\">Compare selected (2–5)</button></p>");
        h.Raw("<table class=\"sortable filterable\" id=\"runs\">")
            .HeaderRow([" ", "Run", "Model", "Status", "Data", "Data commit", "git sha", "Trainer", "Params", .. metrics, "Started", "Seconds"]).Raw("<tbody>");
        foreach (var r in runs)
        {
            h.Raw("<tr><td><input type=\"checkbox\" name=\"run\" value=\"").Text(r.Id).Raw("\" aria-label=\"select ").Text(r.Id).Raw("\"></td>")
                .LinkCell($"/runs/{Html.Url(r.Id)}", r.Id).Cell(r.Model).Cell(r.Status).Cell(r.DataRef)
                .Raw("<td class=\"mono\">").Link($"/data/commit/{Html.Url(r.DataCommit)}", Html.Short(r.DataCommit)).Raw("</td>")
                .Cell(Html.Short(r.GitSha), null, "mono").Cell(r.Trainer)
                .Cell(string.Join(", ", r.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
            foreach (var m in metrics)
                h.Cell(Html.Number(r.Metrics.TryGetValue(m, out var v) ? v : null), r.Metrics.TryGetValue(m, out var s) ? s.ToString("R", CultureInfo.InvariantCulture) : "", "num");
            h.Cell(Html.Time(r.Start), r.Start.ToString("o", CultureInfo.InvariantCulture)).Cell(Html.Number(r.Seconds), null, "num").Raw("</tr>\n");
        }

        return h.Raw("</tbody></table></form>");
    }

    public static Html Run(RunView view)
    {
        var r = view.Run;
        var h = new Html().Heading("Run " + r.Id);
        if (r.Error is not null)
            h.Raw("<p class=\"error\">").Text(r.Error).Raw("</p>");
        h.Facts([("model", r.ModelName), ("status", r.Status.ToString()), ("task", r.Spec.Task.ToString()), ("trainer", r.Spec.Trainer), ("label", r.Spec.Label),
            ("started", Html.Time(r.StartTime)), ("ended", Html.Time(r.EndTime)), ("seconds", Html.Number(r.DurationSeconds)),
            ("train rows", r.TrainRows.ToString("N0", CultureInfo.InvariantCulture)), ("test rows", r.TestRows.ToString("N0", CultureInfo.InvariantCulture)),
            ("rows without a label", r.Unlabelled?.Describe() ?? "0"),
            ("registered as", string.Join(", ", view.Versions.Select(v => v.ToString())))]);
        foreach (var warning in new[] { r.Unlabelled?.Warning, r.Evaluation?.Warning }.OfType<string>())
            h.Para("⚠ " + warning, "warning");
        h.Heading("Metrics", 2).Raw("<table id=\"metrics\">").HeaderRow("Metric", "Value").Raw("<tbody>");
        foreach (var (name, value) in r.Metrics.Where(m => !m.Key.Contains(':', StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal))
            h.Raw("<tr>").Cell(name).Cell(Html.Number(value), null, "num").Raw("</tr>");
        h.Raw("</tbody></table>");
        if (r.Analysis is { } analysis)
            ErrorAnalysisHtml(h, analysis);
        var perClass = r.Metrics.Where(m => m.Key.StartsWith(MetricNames.ClassRecallPrefix, StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key[MetricNames.ClassRecallPrefix.Length..], m.Value)).ToList();
        if (perClass.Count > 0)
            h.Heading("Recall per class", 2).Raw(Svg.Bars("class-recall", perClass));
        if (r.FeatureImportance.Count > 0)
            h.Heading("Permutation feature importance", 2).Raw(Svg.Bars("importance", [.. r.FeatureImportance.OrderByDescending(f => Math.Abs(f.Importance)).Select(f => (f.Feature, f.Importance))]));
        h.Heading("Lineage", 2).Raw("<p>Trained on ").Text(r.DataRef).Raw(" at ").Link($"/data/commit/{Html.Url(r.DataCommit)}", Html.Short(r.DataCommit), "mono").Raw("</p>");
        h.Raw("<table id=\"datasets\">").HeaderRow("Role", "Path", "Digest", "Size").Raw("<tbody>");
        foreach (var d in r.Datasets)
        {
            h.Raw("<tr>").Cell(d.Role).LinkCell($"/data/file/{Html.Url(d.DataCommit)}?path={Html.Url(d.Path)}", d.Path).Cell(Html.Short(d.Digest), null, "mono").Cell(Html.Bytes(d.Size), null, "num").Raw("</tr>");
        }

        h.Raw("</tbody></table>");
        h.Facts([("spec hash", r.SpecHash), ("model blob", r.ModelHash), .. r.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => ("tag " + t.Key, (string?)t.Value))]);
        if (r.Params.Count > 0)
        {
            h.Heading("Parameters", 2).Raw("<table id=\"params\">").HeaderRow("Parameter", "Value").Raw("<tbody>");
            foreach (var (key, value) in r.Params.OrderBy(p => p.Key, StringComparer.Ordinal))
                h.Raw("<tr>").Cell(key).Cell(value).Raw("</tr>");
            h.Raw("</tbody></table>");
        }

        h.Heading("Environment", 2).Facts([("os", r.Environment.Os), ("runtime", r.Environment.Runtime), ("cpus", r.Environment.CpuCount.ToString(CultureInfo.InvariantCulture)),
            .. r.Environment.Packages.Select(p => (p.Key, (string?)p.Value))]);
        return h;
    }

    public static Html Compare(CompareView view)
    {
        var h = new Html().Heading($"Comparing {view.Runs.Count} runs");
        h.Raw("<table id=\"compare\"><thead><tr><th></th>");
        foreach (var r in view.Runs)
            h.Raw("<th>").Link($"/runs/{Html.Url(r.Id)}", r.Id).Raw("</th>");
        h.Raw("</tr></thead><tbody>");
        Row(h, "model", view.Runs.Select(r => r.Model));
        Row(h, "data", view.Runs.Select(r => $"{r.DataRef} @ {Html.Short(r.DataCommit)}"));
        Row(h, "git sha", view.Runs.Select(r => Html.Short(r.GitSha)));
        Row(h, "trainer", view.Runs.Select(r => r.Trainer));
        foreach (var p in view.ParamNames)
            Row(h, p, view.Runs.Select(r => r.Params.TryGetValue(p, out var v) ? v : ""));
        foreach (var m in view.Metrics)
        {
            h.Raw("<tr>").Cell(m.Metric + (m.HigherIsBetter ? " ↑" : " ↓"));
            for (var i = 0; i < m.Values.Count; i++)
            {
                var delta = m.Deltas[i];
                var better = delta is { } d && d != 0 && (d > 0) == m.HigherIsBetter;
                h.Raw("<td class=\"num\">").Text(Html.Number(m.Values[i]));
                if (delta is not null)
                    h.Raw($" <span class=\"{(delta == 0 ? "muted" : better ? "better" : "worse")}\">(").Text(Html.Signed(delta)).Raw(")</span>");
                h.Raw("</td>");
            }

            h.Raw("</tr>\n");
        }

        h.Raw("</tbody></table><p class=\"muted\">Deltas are against the first (oldest) run.</p>");
        if (view.Intervals is { } intervals)
        {
            h.Heading("Paired bootstrap", 2).Para(view.IntervalsSource);
            h.Raw("<table id=\"intervals\">").HeaderRow("Metric", "Baseline", "Candidate", "Delta", "95% interval", "Verdict").Raw("<tbody>");
            foreach (var m in intervals)
            {
                h.Raw("<tr>").Cell(m.Metric).Cell(Html.Number(m.Baseline), null, "num").Cell(Html.Number(m.Candidate), null, "num").Cell(Html.Signed(m.Delta), null, "num")
                    .Cell($"[{Html.Signed(m.CiLow)}, {Html.Signed(m.CiHigh)}]", null, "num").Cell(m.Verdict.ToString()).Raw("</tr>");
            }

            h.Raw("</tbody></table>");
        }
        else
        {
            h.Para("No confidence intervals: these runs were not scored on the same rows by a pull request (intervals need both models' predictions on the same rows; 'mlops runs compare' computes them).", "muted");
        }

        return h;
    }

    private static void Row(Html h, string name, IEnumerable<string?> values)
    {
        h.Raw("<tr>").Cell(name);
        foreach (var v in values)
            h.Cell(v);
        h.Raw("</tr>\n");
    }

    /// <summary>Where the model goes wrong, as <c>mlops runs show</c> prints it: the confusion matrix, per-class figures and slices.</summary>
    private static void ErrorAnalysisHtml(Html h, Core.Training.Evaluation.ErrorAnalysis analysis)
    {
        if (analysis.Confusion is { } confusion)
        {
            var rates = confusion.Rates;
            h.Heading("Confusion matrix", 2).Para("Rows: the true class; columns: the predicted one; count and share of the true class.", "muted");
            h.Raw("<table id=\"confusion\">").HeaderRow(["true \\ predicted", .. confusion.Classes]).Raw("<tbody>");
            for (var a = 0; a < confusion.Classes.Count; a++)
            {
                h.Raw("<tr>").Cell(confusion.Classes[a]);
                for (var p = 0; p < confusion.Classes.Count; p++)
                    h.Cell($"{confusion[a, p].ToString("N0", CultureInfo.InvariantCulture)} ({Html.Number(rates[a][p])})", null, a == p ? "num diagonal" : "num");
                h.Raw("</tr>");
            }

            h.Raw("</tbody></table>");
            h.Raw("<table id=\"classes\">").HeaderRow("Class", "Rows", "Precision", "Recall", "F1").Raw("<tbody>");
            foreach (var c in analysis.Classes)
            {
                h.Raw("<tr>").Cell(c.Class).Cell(c.Support.ToString("N0", CultureInfo.InvariantCulture), null, "num")
                    .Cell(Defined(c.DefinedPrecision), null, "num").Cell(Defined(c.DefinedRecall), null, "num").Cell(Defined(c.DefinedF1), null, "num").Raw("</tr>");
            }

            h.Raw("</tbody></table>");
        }

        if (analysis.Slices.Count > 0)
        {
            h.Heading($"Slices — {analysis.Slices[0].Metric} per value", 2).Raw("<table id=\"slices\">").HeaderRow("Slice", "Rows", "Value").Raw("<tbody>");
            foreach (var s in analysis.Slices)
                h.Raw("<tr>").Cell($"{s.Column} = {s.Value}").Cell(s.Rows.ToString("N0", CultureInfo.InvariantCulture), null, "num").Cell(s.Score is { } v ? Html.Number(v) : "undefined", null, "num").Raw("</tr>");
            h.Raw("</tbody></table>");
        }
    }

    private static string Defined(double? value) => value is null ? "-" : Html.Number(value);
}
