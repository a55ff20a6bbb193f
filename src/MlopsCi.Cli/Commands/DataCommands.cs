using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.RowDiffs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops data init|commit|log|diff|merge|revert</c>.</summary>
internal sealed class DataCommands : ICommandGroup
{
    private static readonly OptionSpec Message = new("message", "text", "commit message", Alias: "-m");

    public IEnumerable<CommandSpec> Commands =>
    [
        new("data init", [], [new("default-branch", "name", "default branch (main)"), new("create-bucket", null, "create the S3 bucket if missing")], "Create a data repository in the store (idempotent).", InitAsync),
        new("data commit", ["branch", "folder"], [Message, new("meta", "key=value", "metadata on the commit", Repeatable: true), new("prefix", "path", "commit the folder under this path (the rest of the branch is kept)")], "Make the branch exactly the folder's content, as one commit.", CommitAsync),
        new("data log", ["ref"], [new("max", "n", "show at most n commits (default 50)")], "Show the history of a ref.", LogAsync),
        new("data diff", ["left-ref", "right-ref"],
            [
                new("prefix", "path", "only paths under this prefix"), new("rows", null, "diff the rows and cells of changed tables"),
                new("key", "col[,col…]", "key columns for --rows (default: data.keys in the spec)"), new("path", "file", "with --rows: only this table or folder"),
                new("max-rows", "n", "with --rows: sample rows shown per table (default 20)"), new("spec", "file", "the spec naming data.keys (mlops.yml when present)"),
            ],
            "List paths that differ ('A path', 'M path', 'D path'); with --rows, the added, removed and modified rows of each changed table.", DiffAsync),
        new("data merge", ["source-ref", "dest-branch"], [new("strategy", "fail|source-wins|dest-wins", "what to do with conflicts (fail)"), Message], "Three-way merge (fast-forward when possible).", MergeAsync),
        new("data revert", ["branch", "commit"], [], "Commit the inverse of a commit onto a branch.", RevertAsync),
    ];

    private static async Task<int> InitAsync(CommandContext ctx)
    {
        var store = await ctx.OpenStoreAsync(ctx.Args.Flag("create-bucket"));
        var (repository, created) = await Repository.InitAsync(store, ctx.Args.Option("default-branch") ?? "main", RepositoryOptions.FromEnvironment(ctx.Environment, ciActor: ctx.Actions.Actor), ctx.Cancellation);
        ctx.Write(new { store = store.Location, defaultBranch = repository.Info.DefaultBranch, created }, w =>
            w.WriteLine(created ? $"Initialised a data repository at {store.Location} (default branch '{repository.Info.DefaultBranch}')." : $"A data repository already exists at {store.Location} (default branch '{repository.Info.DefaultBranch}'); nothing changed."));
        return 0;
    }

    private static async Task<int> CommitAsync(CommandContext ctx)
    {
        var message = ctx.Args.Option("message") ?? throw new UsageException("A commit needs a message: -m \"what changed and why\".", ctx.Args.Command);
        var branch = ctx.Args.Argument("branch");
        var folder = Path.GetFullPath(ctx.Args.Argument("folder"), ctx.WorkingDirectory);
        var metadata = ParseMetadata(ctx.Args.Options("meta"), ctx.Args.Command);
        var repository = await ctx.OpenRepositoryAsync();
        var outcome = await repository.CommitFolderAsync(branch, folder, ctx.Args.Option("prefix") ?? "", message, metadata, ctx.Progress("commit"), ctx.Cancellation);
        ctx.Write(CommitView.Json(outcome, branch), w => CommitView.WriteOutcome(w, outcome, branch));
        return 0;
    }

    private static async Task<int> LogAsync(CommandContext ctx)
    {
        var repository = await ctx.OpenRepositoryAsync();
        var commits = await repository.LogAsync(ctx.Args.Argument("ref"), ctx.Args.IntOption("max", 50), ctx.Cancellation);
        ctx.Write(commits.Select(CommitView.Json), w =>
        {
            foreach (var commit in commits)
                CommitView.WriteLog(w, commit);
        });
        return 0;
    }

    private static async Task<int> DiffAsync(CommandContext ctx)
    {
        if (ctx.Args.Flag("rows"))
            return await RowDiffAsync(ctx);
        var repository = await ctx.OpenRepositoryAsync();
        var diff = await repository.DiffAsync(ctx.Args.Argument("left-ref"), ctx.Args.Argument("right-ref"), ctx.Args.Option("prefix") ?? "", ctx.Cancellation);
        ctx.Write(diff.Select(d => new { op = d.Code.ToString(), path = d.Path, left = d.Left?.Hash, right = d.Right?.Hash, leftSize = d.Left?.Size, rightSize = d.Right?.Size }), w =>
        {
            foreach (var d in diff)
                w.WriteLine($"{d.Code} {d.Path}");
        });
        return 0;
    }

    private static async Task<int> RowDiffAsync(CommandContext ctx)
    {
        var maxRows = ctx.Args.IntOption("max-rows", 20);
        if (maxRows < 0)
            throw new UsageException("--max-rows must be 0 or more.", ctx.Args.Command);
        var key = (ctx.Args.Option("key") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var spec = await DriftCommands.OptionalSpecAsync(ctx);
        var repository = await ctx.OpenRepositoryAsync();
        var options = new RowDiffOptions { Key = key, MaxSamples = maxRows, Readers = ctx.Services.TableReaders, Dialects = CsvDialects.For(spec?.Model) };
        var path = ctx.Args.Option("path") ?? ctx.Args.Option("prefix") ?? "";
        var diffs = await RowDiffer.CompareRefsAsync(repository, ctx.Args.Argument("left-ref"), ctx.Args.Argument("right-ref"), path, spec?.Data?.Keys ?? TableKeys.None, options, ctx.Cancellation);
        ctx.Write(diffs, w => RowDiffView.Write(w, diffs, maxRows));
        return 0;
    }

    private static async Task<int> MergeAsync(CommandContext ctx)
    {
        var strategy = ctx.Args.Option("strategy") switch
        {
            null or "fail" => MergeStrategy.Fail,
            "source-wins" => MergeStrategy.SourceWins,
            "dest-wins" => MergeStrategy.DestWins,
            var other => throw new UsageException($"Unknown merge strategy '{other}'; use fail, source-wins or dest-wins.", ctx.Args.Command),
        };
        var (source, destination) = (ctx.Args.Argument("source-ref"), ctx.Args.Argument("dest-branch"));
        var repository = await ctx.OpenRepositoryAsync();
        try
        {
            var outcome = await repository.MergeAsync(source, destination, strategy, ctx.Args.Option("message"), new Dictionary<string, string>(), ctx.Cancellation);
            ctx.Write(CommitView.Json(outcome, destination), w =>
            {
                if (outcome.Changed)
                    CommitView.WriteOutcome(w, outcome, destination);
                else
                    w.WriteLine($"Already up to date: '{destination}' contains '{source}'.");
            });
            return 0;
        }
        catch (MergeConflictException e) when (ctx.Json)
        {
            ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { conflict = true, conflicts = e.Conflicts }, StoreJson.Pretty));
            throw;
        }
    }

    private static async Task<int> RevertAsync(CommandContext ctx)
    {
        var branch = ctx.Args.Argument("branch");
        var repository = await ctx.OpenRepositoryAsync();
        var outcome = await repository.RevertAsync(branch, ctx.Args.Argument("commit"), ctx.Cancellation);
        ctx.Write(CommitView.Json(outcome, branch), w => CommitView.WriteOutcome(w, outcome, branch));
        return 0;
    }

    internal static Dictionary<string, string> ParseMetadata(IReadOnlyList<string> pairs, CommandSpec command)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new UsageException($"--meta takes key=value, not '{pair}'.", command);
            metadata[pair[..equals]] = pair[(equals + 1)..];
        }

        return metadata;
    }
}
