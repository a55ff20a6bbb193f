using MlopsCi.Core.Specs;
using MlopsCi.Core.Training;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary><see cref="IModelPipeline"/> over the training service, the comparison service and the registry of the repository's store.</summary>
public sealed class ModelPipeline(Repository repository, ITrainer trainer, TimeProvider? time = null) : IModelPipeline
{
    /// <summary>The alias the lifecycle compares against and promotes.</summary>
    public const string ChampionAlias = "champion";

    private readonly TrainingService _training = new(repository, trainer, time);
    private readonly CompareService _compare = new(repository, trainer, time) { Importance = true };
    private readonly ModelRegistry _registry = new(repository.Store, time ?? TimeProvider.System);

    /// <inheritdoc />
    public async Task<(RunRecord Run, bool Reused)> TrainAsync(ModelSpec spec, Commit data, IReadOnlyDictionary<string, string> tags, string idempotencyKey, CancellationToken cancellationToken)
    {
        var result = await _training.TrainAsync(new TrainingRequest(spec, data.Id, tags, idempotencyKey), cancellationToken);
        return (result.Run, result.Reused);
    }

    /// <inheritdoc />
    public Task<RunRecord> GetRunAsync(string runId, CancellationToken cancellationToken) => _training.Runs.GetAsync(runId, cancellationToken);

    /// <inheritdoc />
    public async Task<ModelVersion?> GetChampionAsync(string modelName, CancellationToken cancellationToken) =>
        await _registry.GetAliasAsync(modelName, ChampionAlias, cancellationToken) is { } alias
            ? await _registry.GetVersionAsync(modelName, alias.Version, cancellationToken)
            : null;

    /// <inheritdoc />
    public Task<ComparisonResult> CompareAsync(string baselineModel, string candidateRun, Commit data, IReadOnlyList<GateSpec> gates, CancellationToken cancellationToken) =>
        _compare.CompareAsync(baselineModel, candidateRun, data.Id, gates, BootstrapOptions.Default, cancellationToken);

    /// <inheritdoc />
    public Task<(ModelVersion Version, bool Created)> RegisterAsync(RunRecord run, CancellationToken cancellationToken) => _registry.RegisterAsync(run, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TryMoveChampionAsync(string modelName, int version, int? expected, CancellationToken cancellationToken) =>
        await _registry.TryMoveAliasAsync(modelName, ChampionAlias, version, expected, cancellationToken) is not null;
}
