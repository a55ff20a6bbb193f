using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Training.Services;

/// <summary>Scores a recorded or registered model on data at a ref.</summary>
public sealed class EvaluateService(Repository repository, ITrainer trainer, TimeProvider? time = null)
{
    private readonly ModelResolver _resolver = new(repository.Store, time);
    private readonly ModelArtifacts _artifacts = new(repository.Store);

    /// <summary>
    /// Scores <paramref name="model"/> (run id, name@alias or name:version) at <paramref name="dataRef"/>: on every row of
    /// <paramref name="path"/> when given, else on the evaluation rows the model's own spec defines (its test file or
    /// held-out split). Rows the model trained on are left out (and counted).
    /// </summary>
    public async Task<EvaluationResult> EvaluateAsync(string model, string dataRef, string? path, CancellationToken cancellationToken)
    {
        var resolved = await _resolver.ResolveAsync(model, cancellationToken);
        var commit = await repository.ResolveAsync(dataRef, cancellationToken);
        var spec = resolved.Run.Spec;
        using var workspace = Workspace.Create("evaluate");
        var modelFile = await workspace.FetchModelAsync(_artifacts, resolved.ModelHash, cancellationToken);
        Predictions predictions;
        if (path is not null)
        {
            var file = await workspace.FetchAsync(repository, commit, path, "data", [], cancellationToken);
            predictions = await trainer.ScoreAsync(new ScoringInput(modelFile, spec, file, null, false, workspace.Root), cancellationToken);
        }
        else
        {
            var (train, test, _) = await workspace.FetchDataAsync(repository, commit, spec.Data, cancellationToken);
            predictions = await trainer.ScoreAsync(new ScoringInput(modelFile, spec, train, test, true, workspace.Root), cancellationToken);
        }

        var (keep, evaluation) = TrainingOverlap.Check(predictions, [("model", CompareService.Describe(resolved), await _resolver.Runs.TryGetTrainingRowsAsync(resolved.Run.Id, cancellationToken))]);
        predictions = TrainingOverlap.Apply(predictions, keep);
        return new EvaluationResult(resolved, dataRef, commit.Id, path ?? spec.Data.Test ?? spec.Data.Train, MetricCalculator.Compute(predictions), predictions, evaluation);
    }
}
