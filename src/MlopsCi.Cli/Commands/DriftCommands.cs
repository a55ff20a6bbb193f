using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Specs;
using MlopsCi.Core.Drift;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops drift</c>: per-column drift (PSI, Kolmogorov–Smirnov, chi-squared) between the data at two refs.</summary>
internal sealed class DriftCommands : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("drift", ["baseline-ref", "current-ref"],
            [
                new("path", "file|folder", "the data to compare (else the spec's model.data.train and test)"),
                TrainingCommands.Spec,
                new("top", "n", "show only the n most severe columns (else all)"),
                new("fail-on-drift", null, "exit 1 when a column drifted"),
            ],
            "Compare every column's distribution between two data refs; thresholds from the spec's 'drift:' section.", DriftAsync),
    ];

    /// <summary>The spec given with --spec, else ./mlops.yml when present, else null (defaults apply).</summary>
    internal static async Task<MlopsSpec?> OptionalSpecAsync(CommandContext ctx)
    {
        if (ctx.Args.Option("spec") is not null)
            return await TrainingCommands.LoadSpecAsync(ctx);
        var local = Path.Combine(ctx.WorkingDirectory, "mlops.yml");
        return File.Exists(local) ? await MlopsSpecParser.LoadAsync(local, ctx.Cancellation) : null;
    }

    private static async Task<int> DriftAsync(CommandContext ctx)
    {
        var spec = await OptionalSpecAsync(ctx);
        var options = DriftOptions.From(spec, ctx.Args.Option("path"));
        var service = new DriftService(await ctx.OpenRepositoryAsync());
        var report = await service.CompareAsync(ctx.Args.Argument("baseline-ref"), ctx.Args.Argument("current-ref"), options, ctx.Cancellation);
        var top = ctx.Args.IntOption("top", int.MaxValue);
        ctx.Write(report, w => Write(w, report, top));
        if (report.HasDrift && ctx.Args.Flag("fail-on-drift"))
            throw new OperationFailedException($"Drift between '{report.BaselineRef}' and '{report.CurrentRef}': {string.Join(", ", report.Drifted.Select(c => c.Name))}. {report.Summary}");
        return 0;
    }

    private static void Write(TextWriter w, DriftReport report, int top)
    {
        w.WriteLine($"Drift of {string.Join(", ", report.CurrentPaths)}");
        w.WriteLine($"  baseline {report.BaselineRef} ({TrainingViews.Short(report.BaselineCommit)}): {report.BaselineRows:N0} rows");
        w.WriteLine($"  current  {report.CurrentRef} ({TrainingViews.Short(report.CurrentCommit)}): {report.CurrentRows:N0} rows");
        w.WriteLine(report.Summary);
        w.WriteLine();
        var columns = report.Columns.Take(top).ToList();
        var width = Math.Max(6, columns.Max(c => c.Name.Length));
        w.WriteLine($"{"COLUMN".PadRight(width)}  {"KIND",-11}  {"PSI",8}  {"TEST",4}  {"STAT",9}  {"P-VALUE",9}  DRIFT  WHY");
        foreach (var c in columns)
        {
            var stat = c.Statistic is { } s ? TrainingViews.F(s) : "–";
            var p = c.PValue is { } v ? (v < 1e-4 ? v.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture) : TrainingViews.F(v)) : "–";
            var psi = c.Psi is { } x ? TrainingViews.F(x) : "–";
            w.WriteLine($"{c.Name.PadRight(width)}  {c.Kind.ToString().ToLowerInvariant(),-11}  {psi,8}  {(c.TestLabel.Length == 0 ? "–" : c.TestLabel),4}  {stat,9}  {p,9}  {(c.Drifted ? "YES" : "no"),-5}  {c.Reason}");
        }

        if (columns.Count < report.Columns.Count)
            w.WriteLine($"({report.Columns.Count - columns.Count} less severe columns not shown; drop --top to see them)");
    }
}
