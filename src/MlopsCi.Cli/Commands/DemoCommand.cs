using System.Diagnostics;
using System.Globalization;
using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Specs;
using MlopsCi.Core.PullRequests;
using MlopsCi.Core.PullRequests.Flow;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// <c>mlops demo</c>: the whole pull-request lifecycle on real data (Seattle weather, split by time) in a fresh local
/// store, with a local stand-in for GitHub: main gets 2012–2013 and a champion; pull request #1 adds 2014–2015; sync,
/// approval, merge, promotion. Prints each step, the report's path and the final state.
/// </summary>
internal sealed class DemoCommand : ICommandGroup
{
    private const string HeadSha = "5eed1e55d47a4b1c9e0f2a3b4c5d6e7f80912345";

    public IEnumerable<CommandSpec> Commands =>
    [
        new("demo", [], [new("out", "folder", "where the store, checkout and report.md go (out/demo)"), new("data", "csv", "seattle-weather.csv to use (else .data/vega-datasets/, fetched when missing)")],
            "Run the pull-request lifecycle end to end on real data: branch, commit, validate, train, compare, report, approve, merge, promote.", RunAsync),
    ];

    private static async Task<int> RunAsync(CommandContext ctx)
    {
        var clock = Stopwatch.StartNew();
        var (log, ct) = (ctx.Out, ctx.Cancellation);
        var ws = new DemoWorkspace(Path.GetFullPath(ctx.Args.Option("out") ?? Path.Combine("out", "demo"), ctx.WorkingDirectory));
        var data = ctx.Args.Option("data") is { } given ? Path.GetFullPath(given, ctx.WorkingDirectory) : await DemoData.LocateAsync(ctx.WorkingDirectory, log, ct);

        Title(log, 1, "Real data, split by time", clock);
        var (older, newer) = await ws.PrepareAsync(data, ct);
        log.WriteLine($"• {data}: {older:N0} days before {DemoWorkspace.NewerFrom} go to main; the pull request adds {newer:N0} newer days");
        log.WriteLine($"• spec: {Path.Combine(ws.Checkout, "mlops.yml")}");
        var spec = MlopsSpecParser.Parse(DemoWorkspace.Spec, "mlops.yml");
        var model = spec.RequireModel();

        Title(log, 2, "A data repository whose main holds the older period", clock);
        var options = RepositoryOptions.FromEnvironment(ctx.Environment, ctx.Services.CreateValidator(ctx)) with { Author = "mlops demo" };
        var (repository, _) = await Repository.InitAsync(await ctx.Services.OpenStoreAsync(new StoreLocation(ws.Store, null), new StoreRequest(ws.Checkout, ctx.Environment, null, false), ct), "main", options, ct);
        await repository.CommitFolderAsync("main", ws.HooksSeed, "_mlops", "Data-quality hooks: known labels, plausible temperatures, no missing measurements", new Dictionary<string, string>(), NoProgress.Instance, ct);
        var seeded = await repository.CommitFolderAsync("main", ws.MainSeed, "weather", "Seattle weather 2012–2013", new Dictionary<string, string>(), NoProgress.Instance, ct);
        await repository.SetProtectionAsync("main", true, ct);
        log.WriteLine($"• store {ws.Store}: main at {seeded.Commit.Id[..12]} (weather/seattle-weather.csv), protected: it changes only by merge");
        log.WriteLine("• pre-commit and pre-merge hooks in _mlops/hooks.yml ran on that commit and will run on every change");

        Title(log, 3, "A champion trained on main", clock);
        var pipeline = new ModelPipeline(repository, ctx.Services.CreateTrainer());
        var (championRun, _) = await pipeline.TrainAsync(model, seeded.Commit, new Dictionary<string, string> { [RunTags.GitSha] = "demo-main" }, "demo-champion", ct);
        var (champion, _) = await pipeline.RegisterAsync(championRun, ct);
        await pipeline.TryMoveChampionAsync(model.Name, champion.Version, null, ct);
        log.WriteLine($"• run {championRun.Id}: {Metrics(championRun)}");
        log.WriteLine($"• registered {champion} and set alias champion → {champion}");

        Title(log, 4, "Pull request #1 adds 2014–2015: mlops pr sync", clock);
        var info = new PullRequestInfo(1, "Add Seattle weather 2014–2015", HeadSha, "data/2014-2015", "main", "open", false, "contributor", false, new Uri("https://github.com/example/weather/pull/1"));
        var host = new DryRunPullRequestHost(info, [], ws.Report, line => log.WriteLine("• " + line));
        var flow = ctx.Services.CreatePullRequestFlow(repository, host, new ActionsFlowOutput(log, ctx.Error, ctx.Actions));
        var context = new PullRequestContext(1, HeadSha, "example/weather", spec, ws.Checkout);
        var sync = await flow.SyncAsync(context, ct);
        log.WriteLine($"• report: {ws.Report}");
        if (sync.ExitCode != 0)
            return Finish(log, clock, ws, $"The sync did not pass: {sync.Message}", sync.ExitCode);

        Title(log, 5, "A reviewer approves the head commit: mlops pr merge", clock);
        host.Reviews = [new PullRequestReview(1, "reviewer", ReviewStates.Approved, HeadSha, DateTimeOffset.UtcNow)];
        var merge = await flow.MergeAsync(context, ct);

        Title(log, 6, "Final state", clock);
        foreach (var commit in await repository.LogAsync("main", 10, ct))
            log.WriteLine($"• main {commit.Id[..12]} {commit.Message}");
        var registry = new ModelRegistry(repository.Store, TimeProvider.System);
        foreach (var version in await registry.ListVersionsAsync(model.Name, ct))
            log.WriteLine($"• {version} from run {version.RunId} on data {version.DataCommit[..12]}: {Metrics(version.Metrics)}");
        var alias = await registry.GetAliasAsync(model.Name, ModelPipeline.ChampionAlias, ct);
        log.WriteLine($"• champion → {model.Name}:{alias?.Version}");
        log.WriteLine($"• branches: {string.Join(", ", (await repository.ListBranchesAsync(ct)).Select(b => b.Name))}");
        return Finish(log, clock, ws, merge.Message, merge.ExitCode);
    }

    private static void Title(TextWriter log, int step, string title, Stopwatch clock) =>
        log.WriteLine($"\n[{step}/6] {title}  ({clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");

    private static int Finish(TextWriter log, Stopwatch clock, DemoWorkspace ws, string message, int exitCode)
    {
        log.WriteLine();
        log.WriteLine((exitCode == 0 ? "✔ " : "✘ ") + message);
        log.WriteLine($"Report: {ws.Report}");
        log.WriteLine($"Done in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s. Look around: mlops --store {ws.Store} data log main · mlops --store {ws.Store} data branch list");
        log.WriteLine($"Browse it: mlops ui --store {ws.Store}   (then open http://127.0.0.1:5000/)");
        return exitCode;
    }

    private static string Metrics(RunRecord run) => Metrics(run.Metrics);

    private static string Metrics(IReadOnlyDictionary<string, double> metrics) =>
        string.Join(", ", metrics.Where(m => !m.Key.Contains(':', StringComparison.Ordinal)).Select(m => $"{m.Key} {m.Value.ToString("0.0000", CultureInfo.InvariantCulture)}"));
}
