using System.Globalization;
using System.Text.RegularExpressions;
using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Errors;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops data gc|fsck</c>.</summary>
internal sealed partial class DataMaintenanceCommands : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("data gc", [], [new("grace", "duration", "keep unreachable objects younger than this (default 24h; e.g. 30m, 12h, 7d, 0s)")], "Remove unreachable blobs, ranges and commits older than the grace period.", GcAsync),
        new("data fsck", [], [], "Verify every reachable object's hash; exit 1 when something is corrupt or missing.", FsckAsync),
    ];

    private static async Task<int> GcAsync(CommandContext ctx)
    {
        var grace = ParseDuration(ctx.Args.Option("grace") ?? "24h", ctx);
        var repository = await ctx.OpenRepositoryAsync();
        var report = await repository.GcAsync(grace, ctx.Cancellation);
        ctx.Write(report, w => w.WriteLine($"gc: {report.Removed:N0} unreachable objects removed ({report.BytesRemoved:N0} bytes), {report.KeptYoung:N0} kept as younger than {ctx.Args.Option("grace") ?? "24h"}, {report.Reachable:N0} reachable."));
        return 0;
    }

    private static async Task<int> FsckAsync(CommandContext ctx)
    {
        var repository = await ctx.OpenRepositoryAsync();
        var report = await repository.FsckAsync(ctx.Progress("fsck"), ctx.Cancellation);
        ctx.Write(report, w =>
        {
            w.WriteLine($"fsck: checked {report.Commits:N0} commits, {report.Metaranges:N0} metaranges, {report.Ranges:N0} ranges, {report.Blobs:N0} blobs.");
            foreach (var problem in report.Problems)
                w.WriteLine($"  {problem}");
            w.WriteLine(report.Clean ? "Everything reachable verified." : $"{report.Problems.Count} problem(s) found.");
        });
        if (!report.Clean)
            ctx.Error.WriteLine($"error: fsck found {report.Problems.Count} problem(s) in {repository.Store.Location}; see the list above.");
        return report.Clean ? 0 : 1;
    }

    private static TimeSpan ParseDuration(string text, CommandContext ctx)
    {
        var match = Duration().Match(text);
        if (!match.Success)
            throw new UsageException($"--grace takes a duration like 30m, 12h or 7d, not '{text}'.", ctx.Args.Command);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromDays(value),
        };
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)([smhd])$")]
    private static partial Regex Duration();
}
