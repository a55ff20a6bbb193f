using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Training.Services;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.PullRequests.Flow;

/// <summary>What the lifecycle needs from training and the registry; <see cref="ModelPipeline"/> is the implementation over the store.</summary>
public interface IModelPipeline
{
    /// <summary>
    /// A finished run of <paramref name="spec"/> on <paramref name="data"/>: the one already recorded for the same
    /// idempotency key, spec and data commit, else a new one.
    /// </summary>
    Task<(RunRecord Run, bool Reused)> TrainAsync(ModelSpec spec, Commit data, IReadOnlyDictionary<string, string> tags, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>A run by id.</summary>
    Task<RunRecord> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The version the model's <c>champion</c> alias points at, or null.</summary>
    Task<ModelVersion?> GetChampionAsync(string modelName, CancellationToken cancellationToken);

    /// <summary>Scores both models on the candidate's evaluation rows at <paramref name="data"/> and compares them.</summary>
    Task<ComparisonResult> CompareAsync(string baselineModel, string candidateRun, Commit data, IReadOnlyList<GateSpec> gates, CancellationToken cancellationToken);

    /// <summary>Registers a run as the model's next version (idempotent per run).</summary>
    Task<(ModelVersion Version, bool Created)> RegisterAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>Moves <c>champion</c> to <paramref name="version"/> only if it still points at <paramref name="expected"/> (null: unset).</summary>
    Task<bool> TryMoveChampionAsync(string modelName, int version, int? expected, CancellationToken cancellationToken);
}
