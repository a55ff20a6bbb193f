using System.Globalization;

namespace MlopsCi.BuildScript.Runner;

/// <summary>The plan printed by --plan and the summary table printed after a build, like Nuke's.</summary>
internal static class ConsoleReport
{
    public static void WritePlan(TextWriter output, IReadOnlyList<ExecutableTarget> plan)
    {
        output.WriteLine("Execution plan (nothing is run):");
        var width = plan.Max(t => t.Name.Length);
        for (var i = 0; i < plan.Count; i++)
        {
            var target = plan[i];
            var needs = target.DependsOn.Count == 0 ? "" : $"  (depends on {string.Join(", ", target.DependsOn)})";
            output.WriteLine($"  {i + 1,2}. {target.Name.PadRight(width)}{needs}".TrimEnd());
        }
    }

    public static void WriteSummary(TextWriter output, IReadOnlyList<TargetResult> results)
    {
        var width = Math.Max("Target".Length, results.Max(r => r.Name.Length)) + 4;
        var rule = new string('=', width + 24);
        output.WriteLine();
        output.WriteLine(rule);
        output.WriteLine($"{"Target".PadRight(width)}{"Status",-12}{"Duration",8}");
        output.WriteLine(new string('-', rule.Length));
        foreach (var result in results)
        {
            var duration = result.Status is TargetStatus.Succeeded or TargetStatus.Failed ? Format(result.Duration) : "";
            var reason = result.Reason is null ? "" : $"   // {FirstLine(result.Reason)}";
            output.WriteLine($"{result.Name.PadRight(width)}{result.Status,-12}{duration,8}{reason}");
        }

        output.WriteLine(new string('-', rule.Length));
        var total = TimeSpan.FromTicks(results.Sum(r => r.Duration.Ticks));
        output.WriteLine($"{"Total".PadRight(width)}{"",-12}{Format(total),8}");
        output.WriteLine(rule);
        output.WriteLine();
        var failed = results.Where(r => r.Status == TargetStatus.Failed).Select(r => r.Name).ToList();
        output.WriteLine(failed.Count == 0
            ? "Build succeeded."
            : $"Build failed: {string.Join(", ", failed)}.");
    }

    private static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? "< 1sec"
            : ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + ":" + duration.Seconds.ToString("00", CultureInfo.InvariantCulture);

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd();
}
