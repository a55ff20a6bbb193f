using MlopsCi.Cli.Hosting;
using MlopsCi.Config.Hooks;
using MlopsCi.Config.Specs;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Tables;

namespace MlopsCi.Cli.Commands;

/// <summary>Builds the data-quality validator of the CLI: YAML rules, CSV/TSV/Parquet, annotations on GitHub Actions.</summary>
internal static class HookValidatorFactory
{
    public static HookValidator Create(CommandContext context) =>
        new(new HookConfigParser(), new HookValidatorOptions(TimeProvider.System, context.Services.TableReaders, run => Annotate(context, run)) { Dialects = Dialects(context) });

    /// <summary>The CSV dialect of the model's files in the spec (--spec, else ./mlops.yml when present), so hooks read them as training does.</summary>
    private static CsvDialects Dialects(CommandContext context)
    {
        var path = Path.GetFullPath(context.Args.Option("spec") ?? "mlops.yml", context.WorkingDirectory);
        return File.Exists(path) ? MlopsSpecParser.ReadCsvDialects(File.ReadAllText(path), Path.GetFileName(path)) : CsvDialects.None;
    }

    /// <summary>On GitHub Actions, one <c>::error file=…::</c> (or, for hooks with severity warn, <c>::warning</c>) annotation per finding.</summary>
    public static void Annotate(CommandContext context, HookRun run)
    {
        if (context.InGitHubActions && run.Results.Any(r => !r.Passed))
            HookAnnotations.Write(context.Error, run, context.CheckoutPath);
    }
}
