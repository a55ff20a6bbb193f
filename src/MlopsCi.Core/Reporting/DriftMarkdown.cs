using System.Globalization;
using System.Text;
using static MlopsCi.Core.Reporting.ReportFormat;

namespace MlopsCi.Core.Reporting;

/// <summary>The drift section: main's data against the pull request's, the most drifted columns first.</summary>
internal static class DriftMarkdown
{
    public static void Append(StringBuilder md, PullRequestReport report)
    {
        if (report.Drift is not { } d)
            return;
        const int Top = 5;
        var columns = d.Columns;
        var drifted = columns.Count(c => c.Drifted);
        md.Append($"#### 🌊 Drift — {Code(d.Path)}, {Plural(columns.Count, "column")} compared, {drifted} drifted{(columns.Count > Top ? $", top {Top} shown" : "")}\n\n");
        md.Append("| Column | Kind | PSI | Test | | What moved |\n|---|---|---:|---|:-:|---|\n");
        foreach (var c in columns.Take(Top))
        {
            var test = c.Test is null || c.PValue is null ? "—" : $"{Cell(c.Test)} p={c.PValue.Value.ToString(c.PValue < 0.0001 ? "0.0e0" : "0.0000", CultureInfo.InvariantCulture)}";
            md.Append($"| {Code(c.Column)} | {Cell(c.Kind)} | {(Value(c.Psi) + " " + Bar(c.Psi)).TrimEnd()} | {test} | {(c.Drifted ? "🔴 drifted" : "🟢")} | {Cell(c.Detail ?? "")} |\n");
        }

        md.Append($"\n<sub>Main's data against the pull request's; a column drifts when PSI is above {d.PsiThreshold.ToString("0.##", CultureInfo.InvariantCulture)} or the test's p-value is below its threshold (drifted columns first).</sub>\n\n");
    }

    private static string Bar(double psi) => new('▇', (int)Math.Clamp(Math.Round(psi * 10), 0, 10));
}
