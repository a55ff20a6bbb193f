using System.Globalization;
using System.Text;

namespace MlopsCi.Core.Monitoring;

/// <summary>
/// Markdown for people (step summaries, <c>mlops monitor history --md</c>): a model's history as a table and a Mermaid
/// <c>xychart-beta</c> of its primary metric against the reference it was checked with, and one-entry summaries.
/// </summary>
public static class MonitoringMarkdown
{
    /// <summary>
    /// The history table and chart of <paramref name="metric"/> (else the latest entry's primary metric), at most the
    /// latest <paramref name="max"/> entries.
    /// </summary>
    public static string History(string model, IReadOnlyList<MonitoringRecord> records, string? metric = null, int max = 50)
    {
        ArgumentNullException.ThrowIfNull(records);
        var md = new StringBuilder($"### 📈 Monitoring history of `{model}`\n\n");
        if (records.Count == 0)
            return md.Append("No entries yet: run `mlops monitor` or `mlops retrain`.\n").ToString();
        var shown = records.TakeLast(max).ToList();
        metric ??= shown[^1].Metric;
        Chart(md, model, metric, shown);
        md.Append("| When (UTC) | Kind | Version | Data | ").Append(metric).Append(" | Reference | Outcome | Why |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in shown)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {r.Time.UtcDateTime:yyyy-MM-dd HH:mm} | {Kind(r.Kind)} | {(r.Version is { } v ? $"v{v}" : "–")} | `{r.DataRef}` {Short(r.DataCommit)} | ")
                .Append(CultureInfo.InvariantCulture, $"{Value(Get(r.Metrics, metric))} | {Value(Get(r.Reference, metric))} | {Icon(r.Outcome)} {r.Outcome} | {Cell(r.Reason)} |\n");
        }

        return md.ToString();
    }

    /// <summary>One entry in a few lines: what was checked, the outcome and why, and the metric checks.</summary>
    public static string Entry(MonitoringRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var title = record.Kind == MonitoringKind.Retrain ? "Retraining" : "Monitoring";
        var md = new StringBuilder().Append(CultureInfo.InvariantCulture, $"### {Icon(record.Outcome)} {title} `{record.Model}`: {record.Outcome}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Data `{record.DataRef}` ({Short(record.DataCommit)}), `{record.Path}`. {Cell(record.Reason)}\n\n");
        if (record.Checks.Count == 0)
            return md.ToString();
        var against = record.Kind == MonitoringKind.Retrain ? "Champion" : "At registration";
        md.Append(CultureInfo.InvariantCulture, $"| Metric | {against} | Now | Worse by | Allowed | |\n|---|---|---|---|---|---|\n");
        foreach (var c in record.Checks)
            md.Append(CultureInfo.InvariantCulture, $"| {c.Metric} | {Value(c.Reference)} | {Value(c.Value)} | {Value(c.Worsening)} | {Value(c.Allowed)} | {(c.Passed ? "✅" : "❌")} |\n");
        return md.ToString();
    }

    private static void Chart(StringBuilder md, string model, string metric, List<MonitoringRecord> points)
    {
        var values = points.Select(p => Get(p.Metrics, metric)).ToList();
        var references = points.Select(p => Get(p.Reference, metric)).ToList();
        var all = values.Concat(references).OfType<double>().ToList();
        if (all.Count == 0)
            return;
        var (low, high) = (all.Min(), all.Max());
        var pad = Math.Max((high - low) * 0.1, 1e-3);
        md.Append("```mermaid\nxychart-beta\n")
            .Append(CultureInfo.InvariantCulture, $"    title \"{model}: {metric} (line 1: measured, line 2: reference)\"\n")
            .Append("    x-axis [").Append(string.Join(", ", points.Select((p, i) => $"\"{i + 1} {Kind(p.Kind)}{(p.Version is { } v ? $" v{v}" : "")}\""))).Append("]\n")
            .Append(CultureInfo.InvariantCulture, $"    y-axis \"{metric}\" {Axis(low - pad)} --> {Axis(high + pad)}\n")
            .Append("    line [").Append(string.Join(", ", values.Select((v, i) => Axis(v ?? references[i] ?? low)))).Append("]\n");
        if (references.Any(r => r is not null))
            md.Append("    line [").Append(string.Join(", ", references.Select((r, i) => Axis(r ?? values[i] ?? low)))).Append("]\n");
        md.Append("```\n\n");
    }

    private static double? Get(IReadOnlyDictionary<string, double> metrics, string metric) => metrics.TryGetValue(metric, out var value) ? value : null;

    private static string Kind(MonitoringKind kind) => kind == MonitoringKind.Retrain ? "retrain" : "monitor";

    private static string Icon(string outcome) => outcome switch
    {
        MonitoringRecord.Degraded => "❌",
        MonitoringRecord.Promoted => "🚀",
        MonitoringRecord.Kept => "➖",
        _ => "✅",
    };

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static string Value(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "–";

    private static string Axis(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
