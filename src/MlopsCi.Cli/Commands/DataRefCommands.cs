using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops data branch|tag|protect|unprotect</c>.</summary>
internal sealed class DataRefCommands : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("data branch create", ["name"], [new("from", "ref", "where the branch starts", Required: true)], "Create a branch: one ref write, no data copied.", CreateBranchAsync),
        new("data branch list", [], [], "List branches.", ListBranchesAsync),
        new("data branch delete", ["name"], [], "Delete a branch (its data stays until gc).", DeleteBranchAsync),
        new("data tag create", ["name", "ref"], [], "Create a tag (tags never move).", CreateTagAsync),
        new("data tag list", [], [], "List tags.", ListTagsAsync),
        new("data protect", ["branch"], [], "Protect a branch: it then changes only by merge.", ctx => ProtectAsync(ctx, true)),
        new("data unprotect", ["branch"], [], "Remove a branch's protection.", ctx => ProtectAsync(ctx, false)),
    ];

    private static async Task<int> CreateBranchAsync(CommandContext ctx)
    {
        var from = ctx.Args.Option("from") ?? throw new UsageException("Say where the branch starts: --from <ref> (e.g. --from main).", ctx.Args.Command);
        var name = ctx.Args.Argument("name");
        var repository = await ctx.OpenRepositoryAsync();
        var created = await repository.CreateBranchAsync(name, from, ctx.Cancellation);
        ctx.Write(new { branch = name, commit = created.Commit }, w => w.WriteLine($"Created branch '{name}' at {created.Commit[..12]} (from '{from}')."));
        return 0;
    }

    private static async Task<int> ListBranchesAsync(CommandContext ctx)
    {
        var repository = await ctx.OpenRepositoryAsync();
        var problems = new List<string>();
        var branches = await repository.ListBranchesAsync(problems, ctx.Cancellation);
        // One broken ref must not hide the others: list what is readable, warn about the rest.
        foreach (var problem in problems)
            ctx.Error.WriteLine($"warning: {problem}");
        ctx.Write(branches.Select(b => new { name = b.Name, commit = b.Ref.Commit, @protected = b.Ref.Protected, isDefault = b.Name == repository.Info.DefaultBranch }), w =>
        {
            foreach (var (name, branch) in branches)
                w.WriteLine($"{(name == repository.Info.DefaultBranch ? "*" : " ")} {name,-30} {branch.Commit[..12]}{(branch.Protected ? "  (protected)" : "")}");
        });
        return 0;
    }

    private static async Task<int> DeleteBranchAsync(CommandContext ctx)
    {
        var name = ctx.Args.Argument("name");
        var repository = await ctx.OpenRepositoryAsync();
        await repository.DeleteBranchAsync(name, missingOk: false, ctx.Cancellation);
        ctx.Write(new { deleted = name }, w => w.WriteLine($"Deleted branch '{name}'."));
        return 0;
    }

    private static async Task<int> CreateTagAsync(CommandContext ctx)
    {
        var name = ctx.Args.Argument("name");
        var repository = await ctx.OpenRepositoryAsync();
        var commit = await repository.CreateTagAsync(name, ctx.Args.Argument("ref"), ctx.Cancellation);
        ctx.Write(new { tag = name, commit = commit.Id }, w => w.WriteLine($"Created tag '{name}' at {commit.Id[..12]}."));
        return 0;
    }

    private static async Task<int> ListTagsAsync(CommandContext ctx)
    {
        var repository = await ctx.OpenRepositoryAsync();
        var tags = await repository.ListTagsAsync(ctx.Cancellation);
        ctx.Write(tags.Select(t => new { name = t.Name, commit = t.Commit }), w =>
        {
            foreach (var (name, commit) in tags)
                w.WriteLine($"{name,-30} {commit[..12]}");
        });
        return 0;
    }

    private static async Task<int> ProtectAsync(CommandContext ctx, bool isProtected)
    {
        var branch = ctx.Args.Argument("branch");
        var repository = await ctx.OpenRepositoryAsync();
        await repository.SetProtectionAsync(branch, isProtected, ctx.Cancellation);
        ctx.Write(new { branch, @protected = isProtected }, w => w.WriteLine(isProtected ? $"Branch '{branch}' is protected: it changes only by merge." : $"Branch '{branch}' is no longer protected."));
        return 0;
    }
}
