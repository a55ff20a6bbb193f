using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops data validate</c> (hooks on demand) and <c>mlops data hooks runs</c> (recorded results).</summary>
internal sealed class HooksCommands : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("data validate", ["ref"],
            [
                new("event", "pre-commit|pre-merge", "which hooks to run (pre-commit)"),
                new("all", null, "check every file at the ref, not only what it changed from its first parent"),
                new("rules", "ref", "take the hooks from this ref (default: the ref itself), e.g. --rules main to preview a merge"),
                new("branch", "name", "branch name the hooks' branch globs are matched against (default: the ref if it is a branch, else the default branch)"),
                new("against", "ref", "the destination that row-count change, mean/quantile change, new-categories and drift compare with (default: the --rules ref when given, else the ref's first parent)"),
            ],
            "Run the data-quality hooks on a ref now; exit 1 naming every failing hook.", ValidateAsync),
        new("data hooks runs", ["branch"], [new("max", "n", "show at most n runs (default 10)")], "Show the recorded hook results of a branch, newest first.", RunsAsync),
    ];

    private static async Task<int> ValidateAsync(CommandContext ctx)
    {
        var hookEvent = ctx.Args.Option("event") switch
        {
            null or "pre-commit" => HookEvent.PreCommit,
            "pre-merge" => HookEvent.PreMerge,
            var other => throw new UsageException($"Unknown event '{other}'; use pre-commit or pre-merge.", ctx.Args.Command),
        };
        var reference = ctx.Args.Argument("ref");
        var repository = await ctx.OpenRepositoryAsync();
        var commit = await repository.ResolveAsync(reference, ctx.Cancellation);
        var rules = ctx.Args.Option("rules") is { } rulesRef ? await repository.ResolveAsync(rulesRef, ctx.Cancellation) : commit;
        var branch = ctx.Args.Option("branch")
            ?? (await repository.TryGetBranchAsync(reference, ctx.Cancellation) is not null ? reference : repository.Info.DefaultBranch);
        var after = await repository.GetTreeAsync(commit, ctx.Cancellation);
        var whole = ctx.Args.Flag("all") || commit.Parents.Count == 0;
        var before = whole ? Metarange.Empty : await repository.GetTreeAsync(await repository.GetCommitAsync(commit.Parents[0], ctx.Cancellation), ctx.Cancellation);
        var changes = whole ? await AllAsync(repository, commit, ctx.Cancellation) : await repository.DiffAsync(commit.Parents[0], commit.Id, "", ctx.Cancellation);
        var destination = ctx.Args.Option("against") is { } against ? await repository.GetTreeAsync(await repository.ResolveAsync(against, ctx.Cancellation), ctx.Cancellation)
            : ctx.Args.Option("rules") is not null ? await repository.GetTreeAsync(rules, ctx.Cancellation)
            : before;
        var context = new ValidationContext(hookEvent, branch, rules, before, after, changes, repository) { Destination = destination, CommitTime = commit.Time };
        var run = await HookValidatorFactory.Create(ctx).EvaluateAsync(context, ctx.Cancellation);
        if (run is null)
        {
            ctx.Write(new { hooks = 0, passed = true, branch, rulesCommit = rules.Id }, w =>
                w.WriteLine($"No {HookRunText.EventName(hookEvent)} hooks apply to '{branch}' in the rules at {rules.Id[..12]} (_mlops/hooks.yml, _mlops/hooks/*.yml)."));
            return 0;
        }

        ctx.Write(run, w => w.WriteLine(HookRunText.Report(run)));
        HookValidatorFactory.Annotate(ctx, run);
        if (run.Passed)
        {
            if (run.WarnedHooks.Count > 0)
                ctx.Error.WriteLine($"warning: {run.WarnedHooks.Count} hook(s) warned: {string.Join(", ", run.WarnedHooks)}.");
            return 0;
        }

        ctx.Error.WriteLine($"error: {run.FailedHooks.Count} hook(s) failed: {string.Join(", ", run.FailedHooks)}.");
        return 1;
    }

    private static async Task<IReadOnlyList<DiffEntry>> AllAsync(Repository repository, Commit commit, CancellationToken cancellationToken)
    {
        var all = new List<DiffEntry>();
        await foreach (var entry in repository.ListAsync(commit, "", cancellationToken))
            all.Add(new DiffEntry(DiffKind.Added, entry.Path, null, entry));
        return all;
    }

    private static async Task<int> RunsAsync(CommandContext ctx)
    {
        var branch = ctx.Args.Argument("branch");
        RefNames.Validate(branch, "branch");
        var runs = await new HookRunStore(await ctx.OpenStoreAsync()).ListAsync(branch, ctx.Args.IntOption("max", 10), ctx.Cancellation);
        ctx.Write(runs, w =>
        {
            if (runs.Count == 0)
                w.WriteLine($"No hook runs recorded for '{branch}'. Runs are recorded when a commit or merge with hooks is attempted.");
            foreach (var run in runs)
            {
                w.WriteLine($"{run.Time:yyyy-MM-dd HH:mm:ss}Z  {HookRunText.EventName(run.Event),-10}  {(run.Passed ? "passed" : "FAILED"),-6}  run {run.Id}");
                w.WriteLine("  " + HookRunText.Report(run).Replace("\n", "\n  ", StringComparison.Ordinal));
                w.WriteLine();
            }
        });
        return 0;
    }
}
