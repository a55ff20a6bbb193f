using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops data checkout|ls|cat</c>.</summary>
internal sealed class DataFileCommands : ICommandGroup
{
    private const long BufferedCatLimit = 64L << 20;

    public IEnumerable<CommandSpec> Commands =>
    [
        new("data checkout", ["ref", "folder"], [new("force", null, "overwrite files modified since the last checkout, and untracked files in the way")], "Materialise a ref into a folder, verifying every blob's hash.", CheckoutAsync),
        new("data ls", ["ref", "prefix?"], [], "List files at a ref (size, hash, path).", ListAsync),
        new("data cat", ["ref", "path"], [], "Print a file at a ref (verified).", CatAsync),
    ];

    private static async Task<int> CheckoutAsync(CommandContext ctx)
    {
        var folder = Path.GetFullPath(ctx.Args.Argument("folder"), ctx.WorkingDirectory);
        var repository = await ctx.OpenRepositoryAsync();
        var (commit, stats) = await repository.CheckoutAsync(ctx.Args.Argument("ref"), folder, ctx.Args.Flag("force"), ctx.Progress("checkout"), ctx.Cancellation);
        ctx.Write(new { commit = commit.Id, folder, files = stats.Files, bytes = stats.BytesWritten }, w =>
            w.WriteLine($"Checked out {commit.Id[..12]} into {folder}: {stats.Files:N0} files, {stats.BytesWritten:N0} bytes, every hash verified."));
        return 0;
    }

    private static async Task<int> ListAsync(CommandContext ctx)
    {
        var repository = await ctx.OpenRepositoryAsync();
        var entries = new List<Entry>();
        await foreach (var entry in repository.ListAsync(ctx.Args.Argument("ref"), ctx.Args.OptionalArgument("prefix") ?? "", ctx.Cancellation))
        {
            if (ctx.Json)
                entries.Add(entry);
            else
                ctx.Out.WriteLine($"{entry.Size,14:N0}  {entry.Hash[..12]}  {entry.Path}");
        }

        if (ctx.Json)
            ctx.Write(entries.Select(e => new { path = e.Path, hash = e.Hash, size = e.Size }), _ => { });
        return 0;
    }

    private static async Task<int> CatAsync(CommandContext ctx)
    {
        var repository = await ctx.OpenRepositoryAsync();
        var entry = await repository.GetEntryAsync(ctx.Args.Argument("ref"), ctx.Args.Argument("path"), ctx.Cancellation);
        await using var blob = await repository.OpenBlobAsync(entry, ctx.Cancellation);
        await ctx.Out.FlushAsync(ctx.Cancellation);
        var stdout = ctx.Out == Console.Out ? Console.OpenStandardOutput() : null;
        if (entry.Size <= BufferedCatLimit)
        {
            // Verify before printing anything, so corrupt content is never shown.
            using var buffer = new MemoryStream((int)entry.Size);
            await blob.CopyToAsync(buffer, ctx.Cancellation);
            await WriteAsync(ctx, stdout, buffer.ToArray());
        }
        else if (stdout is not null)
            await blob.CopyToAsync(stdout, ctx.Cancellation);
        else
        {
            using var reader = new StreamReader(blob);
            await ctx.Out.WriteAsync(await reader.ReadToEndAsync(ctx.Cancellation));
        }

        return 0;
    }

    private static async Task WriteAsync(CommandContext ctx, Stream? stdout, byte[] content)
    {
        if (stdout is not null)
        {
            await stdout.WriteAsync(content, ctx.Cancellation);
            await stdout.FlushAsync(ctx.Cancellation);
        }
        else
            await ctx.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(content));
    }
}
