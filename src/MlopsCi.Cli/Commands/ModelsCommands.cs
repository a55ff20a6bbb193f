using System.Globalization;
using MlopsCi.Cli.Hosting;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;

namespace MlopsCi.Cli.Commands;

/// <summary><c>mlops models list|show|register|alias|export</c>: the model registry in the store.</summary>
internal sealed class ModelsCommands : ICommandGroup
{
    public IEnumerable<CommandSpec> Commands =>
    [
        new("models list", [], [], "List registered models with their latest version and aliases.", ListAsync),
        new("models show", ["name"], [], "Show a model's versions and aliases.", ShowAsync),
        new("models register", ["run-id"], [], "Register a finished run as the model's next version (idempotent per run).", RegisterAsync),
        new("models alias", ["name", "alias", "version"], [], "Point an alias (e.g. champion) at a version, by compare-and-swap.", AliasAsync),
        new("models export", ["model", "file"], [new("onnx", null, "write ONNX instead of the ML.NET zip")], "Write a model (name@alias or name:version) to a file.", ExportAsync),
    ];

    private static ModelRegistry Registry(Core.Storage.IObjectStore store) => new(store, TimeProvider.System);

    private static async Task<int> ListAsync(CommandContext ctx)
    {
        var registry = Registry(await ctx.OpenStoreAsync());
        var models = new List<(string Name, IReadOnlyList<ModelVersion> Versions, IReadOnlyList<ModelAlias> Aliases)>();
        foreach (var name in await registry.ListModelsAsync(ctx.Cancellation))
            models.Add((name, await registry.ListVersionsAsync(name, ctx.Cancellation), await registry.ListAliasesAsync(name, ctx.Cancellation)));
        ctx.Write(models.Select(m => new { name = m.Name, versions = m.Versions.Count, latest = m.Versions.LastOrDefault()?.Version, aliases = m.Aliases.ToDictionary(a => a.Alias, a => a.Version) }), w =>
        {
            if (models.Count == 0)
                w.WriteLine("No models registered yet. 'mlops runs list' shows the runs; 'mlops models register <run-id>' registers a finished one (a merged pull request does it for you).");
            foreach (var (name, versions, aliases) in models)
                w.WriteLine($"{name,-24} {versions.Count} version(s), latest {versions.LastOrDefault()?.Version.ToString(CultureInfo.InvariantCulture) ?? "-"}  {string.Join(", ", aliases.Select(a => $"@{a.Alias}={a.Version}"))}");
        });
        return 0;
    }

    private static async Task<int> ShowAsync(CommandContext ctx)
    {
        var name = ctx.Args.Argument("name");
        var registry = Registry(await ctx.OpenStoreAsync());
        var versions = await registry.ListVersionsAsync(name, ctx.Cancellation);
        var aliases = await registry.ListAliasesAsync(name, ctx.Cancellation);
        if (versions.Count == 0)
            throw new Core.Errors.InvalidInputException($"There is no registered model '{name}'. 'mlops models list' shows the models; 'mlops models register <run-id>' adds a version.");
        ctx.Write(new { name, versions, aliases }, w =>
        {
            w.WriteLine($"model {name}  aliases: {(aliases.Count == 0 ? "none" : string.Join(", ", aliases.Select(a => $"{a.Alias} → {a.Version}")))}");
            foreach (var v in versions)
            {
                var headline = string.Join(", ", v.Metrics.Where(m => !m.Key.Contains(':', StringComparison.Ordinal)).Take(4).Select(m => $"{m.Key} {TrainingViews.F(m.Value)}"));
                w.WriteLine($"  v{v.Version,-4} run {v.RunId,-26} data {TrainingViews.Short(v.DataCommit)}  model {TrainingViews.Short(v.ModelHash)}  {v.CreatedAt:yyyy-MM-dd HH:mm}  {headline}");
            }
        });
        return 0;
    }

    private static async Task<int> RegisterAsync(CommandContext ctx)
    {
        var store = await ctx.OpenStoreAsync();
        var run = await new RunStore(store).GetAsync(ctx.Args.Argument("run-id"), ctx.Cancellation);
        var (version, created) = await Registry(store).RegisterAsync(run, ctx.Cancellation);
        ctx.Write(new { version, created }, w => w.WriteLine(created
            ? $"Registered run {run.Id} as {version}."
            : $"Run {run.Id} is already registered as {version}; nothing changed."));
        return 0;
    }

    private static async Task<int> AliasAsync(CommandContext ctx)
    {
        var (name, alias) = (ctx.Args.Argument("name"), ctx.Args.Argument("alias"));
        var text = ctx.Args.Argument("version").TrimStart('v');
        if (!int.TryParse(text, CultureInfo.InvariantCulture, out var version) || version < 1)
            throw new UsageException($"<version> is a version number like 3, not '{ctx.Args.Argument("version")}'.", ctx.Args.Command);
        var registry = Registry(await ctx.OpenStoreAsync());
        var before = await registry.GetAliasAsync(name, alias, ctx.Cancellation);
        var moved = await registry.SetAliasAsync(name, alias, version, ctx.Cancellation);
        ctx.Write(new { name, alias, version = moved.Version, previous = before?.Version }, w =>
            w.WriteLine($"{name}@{alias} → version {moved.Version}{(before is null ? "" : $" (was {before.Version})")}."));
        return 0;
    }

    private static async Task<int> ExportAsync(CommandContext ctx)
    {
        var service = new ExportService(await ctx.OpenRepositoryAsync(), ctx.Services.CreateTrainer());
        var reference = ctx.Args.Argument("model");
        var file = Path.GetFullPath(ctx.Args.Argument("file"), ctx.WorkingDirectory);
        if (!ctx.Args.Flag("onnx"))
        {
            var zip = await service.ExportZipAsync(reference, file, ctx.Cancellation);
            ctx.Write(new { model = zip.Reference, run = zip.Run.Id, modelHash = zip.ModelHash, file, format = "mlnet" }, w =>
                w.WriteLine($"Wrote {zip.Reference} (run {zip.Run.Id}, model {TrainingViews.Short(zip.ModelHash)}) to {file}."));
            return 0;
        }

        var (model, check) = await service.ExportOnnxAsync(reference, file, ctx.Cancellation);
        var json = new { rows = check.Rows, differing = check.Differing, maxDifference = check.MaxDifference, tolerance = check.Tolerance, inputs = check.Inputs, outputs = check.Outputs };
        ctx.Write(new { model = model.Reference, run = model.Run.Id, modelHash = model.ModelHash, file, format = "onnx", check = json }, w =>
        {
            w.WriteLine($"Wrote {model.Reference} (run {model.Run.Id}, model {TrainingViews.Short(model.ModelHash)}) to {file} as ONNX.");
            w.WriteLine($"Checked with ONNX Runtime on the run's {check.Rows:N0} evaluation rows: every prediction within {check.Tolerance:G} of the model's (largest difference {check.MaxDifference.ToString("G3", CultureInfo.InvariantCulture)}).");
            w.WriteLine($"Inputs: {string.Join(", ", check.Inputs)}. Outputs: {string.Join(", ", check.Outputs)}.");
        });
        return 0;
    }
}
