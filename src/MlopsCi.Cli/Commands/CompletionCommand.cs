using MlopsCi.Cli.Hosting;

namespace MlopsCi.Cli.Commands;

/// <summary>
/// <c>mlops completion bash|zsh|pwsh</c>: prints a script that registers tab completion for <c>mlops</c>. The script
/// asks <c>mlops</c> itself for the candidates (System.CommandLine's <c>[suggest]</c> directive), so they always match
/// the commands and options of the installed version.
/// </summary>
internal sealed class CompletionCommand : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("completion", ["shell"], [], "Print the tab-completion script for bash, zsh or pwsh, e.g. 'source <(mlops completion bash)' in ~/.bashrc.", PrintAsync),
    ];

    private static Task<int> PrintAsync(CommandContext ctx)
    {
        var shell = ctx.Args.Argument("shell");
        ctx.Out.Write(CompletionScripts.For(shell) ?? throw new UsageException($"There is no completion script for '{shell}': use bash, zsh or pwsh.", ctx.Args.Command));
        return Task.FromResult(0);
    }
}
