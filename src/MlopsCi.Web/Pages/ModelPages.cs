using MlopsCi.Core.Monitoring;
using MlopsCi.Web.Charts;
using MlopsCi.Web.Internal;

namespace MlopsCi.Web.Pages;

/// <summary>The registry: models, and one model's versions, aliases and monitoring history.</summary>
internal static class ModelPages
{
    public static Html Models(IReadOnlyList<ModelSummary> models)
    {
        var h = new Html().Heading("Models");
        if (models.Count == 0)
            return h.Para("No registered models yet: 'mlops models register' or a merged pull request registers one.", "muted");
        h.Raw("<table class=\"sortable\" id=\"models\">").HeaderRow("Model", "Versions", "Aliases", "Latest", "From run", "Data commit", "Monitoring entries").Raw("<tbody>");
        foreach (var m in models)
        {
            h.Raw("<tr>").LinkCell($"/models/{Html.Url(m.Name)}", m.Name).Cell(m.Versions.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "num")
                .Cell(string.Join(", ", m.Aliases.Select(a => $"{a.Alias} → {a.Version}"))).Cell(m.Latest?.ToString());
            if (m.Latest is { } latest)
                h.LinkCell($"/runs/{Html.Url(latest.RunId)}", latest.RunId).Raw("<td class=\"mono\">").Link($"/data/commit/{Html.Url(latest.DataCommit)}", Html.Short(latest.DataCommit)).Raw("</td>");
            else
                h.Cell("").Cell("");
            h.Cell(m.MonitoringEntries.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "num").Raw("</tr>\n");
        }

        return h.Raw("</tbody></table>");
    }

    public static Html Model(ModelView model)
    {
        var h = new Html().Heading("Model " + model.Name);
        h.Heading("Versions", 2);
        var metrics = model.Versions.SelectMany(v => v.Metrics.Keys).Where(k => !k.Contains(':', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        h.Raw("<table class=\"sortable\" id=\"versions\">").HeaderRow(["Version", "Aliases", "Run", "Data commit", "Created", .. metrics]).Raw("<tbody>");
        foreach (var v in model.Versions.OrderByDescending(v => v.Version))
        {
            h.Raw("<tr>").Cell(v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "num")
                .Cell(string.Join(", ", model.Aliases.Where(a => a.Version == v.Version).Select(a => a.Alias)))
                .LinkCell($"/runs/{Html.Url(v.RunId)}", v.RunId).Raw("<td class=\"mono\">").Link($"/data/commit/{Html.Url(v.DataCommit)}", Html.Short(v.DataCommit)).Raw("</td>")
                .Cell(Html.Time(v.CreatedAt));
            foreach (var m in metrics)
                h.Cell(Html.Number(v.Metrics.TryGetValue(m, out var value) ? value : null), null, "num");
            h.Raw("</tr>\n");
        }

        h.Raw("</tbody></table>").Heading("Monitoring and retraining", 2);
        if (model.Monitoring.Count == 0)
            return h.Para("No monitoring history yet: 'mlops monitor' and 'mlops retrain' record it.", "muted");
        foreach (var group in model.Monitoring.GroupBy(m => m.Metric))
        {
            var points = group.Where(m => m.Value is not null)
                .Select(m => new Svg.Point(m.Time, m.Value!.Value, m.Reference.TryGetValue(m.Metric, out var r) ? r : null, m.Outcome, $"{Html.Time(m.Time)} {m.Kind} {m.Outcome}: {m.Reason}"))
                .ToList();
            h.Raw(Svg.Timeline(group.Key, points));
        }

        h.Raw("<table class=\"sortable\" id=\"monitoring\">").HeaderRow("Time", "Kind", "Version", "Data", "Metric", "Value", "Reference", "Outcome", "Why").Raw("<tbody>");
        foreach (var m in model.Monitoring.Reverse())
        {
            h.Raw("<tr>").Cell(Html.Time(m.Time)).Cell(m.Kind.ToString()).Cell(m.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Raw("<td>").Text(m.DataRef + " ").Link($"/data/commit/{Html.Url(m.DataCommit)}", Html.Short(m.DataCommit), "mono").Raw("</td>")
                .Cell(m.Metric).Cell(Html.Number(m.Value), null, "num").Cell(Html.Number(m.Reference.TryGetValue(m.Metric, out var r) ? r : null), null, "num")
                .Cell(m.Outcome, null, m.Outcome is MonitoringRecord.Degraded ? "worse" : m.Outcome is MonitoringRecord.Promoted ? "better" : null).Cell(m.Reason).Raw("</tr>\n");
        }

        return h.Raw("</tbody></table>");
    }
}
