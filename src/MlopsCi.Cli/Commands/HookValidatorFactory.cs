using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Hooks;
using MlopsCi.Core.Hooks;

namespace MlopsCi.Cli.Commands;

/// <summary>Builds the data-quality validator of the CLI: YAML rules, CSV/TSV/Parquet, annotations on GitHub Actions.</summary>
internal static class HookValidatorFactory
{
    public static HookValidator Create(CommandContext context) =>
        new(new HookConfigParser(), new HookValidatorOptions(TimeProvider.System, context.Services.TableReaders, run => Annotate(context, run)));

    /// <summary>On GitHub Actions, one <c>::error file=…::</c> (or, for hooks with severity warn, <c>::warning</c>) annotation per finding.</summary>
    public static void Annotate(CommandContext context, HookRun run)
    {
        if (context.InGitHubActions && run.Results.Any(r => !r.Passed))
            HookAnnotations.Write(context.Error, run, context.CheckoutPath);
    }
}
