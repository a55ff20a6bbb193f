using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;

namespace MlopsCi.Core.Training.Services;

/// <summary>Resolves "&lt;run-id&gt;", "name@alias" or "name:version" to a model and the run that trained it.</summary>
public sealed class ModelResolver(IObjectStore store, TimeProvider? time = null)
{
    /// <summary>Run records.</summary>
    public RunStore Runs { get; } = new(store);

    /// <summary>The registry.</summary>
    public ModelRegistry Registry { get; } = new(store, time ?? TimeProvider.System);

    /// <summary>Resolves a reference; unknown ones are bad input.</summary>
    public async Task<ResolvedModel> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Contains('@', StringComparison.Ordinal) || reference.Contains(':', StringComparison.Ordinal))
        {
            var version = await Registry.ResolveAsync(reference, cancellationToken);
            var source = await Runs.TryGetAsync(version.RunId, cancellationToken)
                ?? throw new CorruptionException($"{version} was registered from run {version.RunId}, which is missing from {store.Location}.", [version.RunId]);
            return new ResolvedModel(reference, source, version, version.ModelHash);
        }

        var run = await Runs.GetAsync(reference, cancellationToken);
        if (run.Status != RunStatus.Finished || run.ModelHash is null)
            throw new InvalidInputException($"Run {run.Id} {RunStatusText.Describe(run)}; it has no model to use.");
        return new ResolvedModel(reference, run, null, run.ModelHash);
    }
}
