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
        new("data gc", [], [new("grace", "duration", "keep unreachable objects younger than this (default 24h; e.g. 30m, 12h, 7d; 0s needs --force)"), new("force", null, "allow --grace 0s")], "Remove unreachable blobs, ranges and commits older than the grace period.", GcAsync),
        new("data fsck", [], [new("repair", "folder", "re-write missing or corrupt blobs from the files of this folder (hash-verified)")], "Verify every reachable object's hash; exit 1 when something is corrupt or missing.", FsckAsync),
    ];

    private static async Task<int> GcAsync(CommandContext ctx)
    {
        var grace = ParseDuration(ctx.Args.Option("grace") ?? "24h", ctx);
        if (grace == TimeSpan.Zero && !ctx.Args.Flag("force"))
            throw new UsageException("--grace 0s removes unreachable objects however recent, including those of a commit made by an older mlops or a store shared with other tools. Pass --force if you mean it.", ctx.Args.Command);
        if (grace < TimeSpan.FromHours(1))
            ctx.Error.WriteLine($"warning: --grace {ctx.Args.Option("grace")} is shorter than 1h. Commits by this mlops are protected by their leases whatever the grace; anything else writing to the store is not.");
        var repository = await ctx.OpenRepositoryAsync();
        var report = await repository.GcAsync(grace, ctx.Cancellation);
        ctx.Write(report, w => w.WriteLine($"gc: {report.Removed:N0} unreachable objects removed ({report.BytesRemoved:N0} bytes), {report.KeptYoung:N0} kept as younger than {ctx.Args.Option("grace") ?? "24h"} or an in-flight commit, {report.Reachable:N0} reachable; {report.TemporaryFilesRemoved:N0} temporary files of killed writers removed ({report.TemporaryBytesRemoved:N0} bytes)."));
        return 0;
    }

    private static async Task<int> FsckAsync(CommandContext ctx)
    {
        var repository = await ctx.OpenRepositoryAsync();
        var repairFrom = ctx.Args.Option("repair") is { } folder ? Path.GetFullPath(folder, ctx.WorkingDirectory) : null;
        var (repaired, report) = repairFrom is null
            ? (0, await repository.FsckAsync(ctx.Progress("fsck"), ctx.Cancellation))
            : await repository.RepairAsync(repairFrom, ctx.Progress("fsck"), ctx.Cancellation);
        ctx.Write(report, w =>
        {
            if (repairFrom is not null)
                w.WriteLine($"fsck: re-wrote {repaired:N0} missing or corrupt blob(s) from {repairFrom}.");
            w.WriteLine($"fsck: checked {report.Commits:N0} commits, {report.Metaranges:N0} metaranges, {report.Ranges:N0} ranges, {report.Blobs:N0} blobs.");
            foreach (var problem in report.Problems)
                w.WriteLine($"  {problem}");
            w.WriteLine(report.Clean ? "Everything reachable verified." : $"{report.Problems.Count} problem(s) found. A blob whose file you still have can be re-written with 'mlops data fsck --repair <folder>' (only files hashing to the blob's address are used).");
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
