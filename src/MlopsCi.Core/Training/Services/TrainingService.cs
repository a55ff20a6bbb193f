using MlopsCi.Core.Errors;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Training.Services;

/// <summary>
/// Trains a model on data read straight from the repository at a ref, evaluates it, stores the model artifact and
/// records the run. A failure is recorded as a failed run with its error, then rethrown.
/// </summary>
public sealed class TrainingService(Repository repository, ITrainer trainer, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The run records of the repository's store.</summary>
    public RunStore Runs { get; } = new(repository.Store);

    /// <summary>Model artifacts of the repository's store.</summary>
    public ModelArtifacts Artifacts { get; } = new(repository.Store);

    /// <summary>Trains, evaluates and records one run.</summary>
    public async Task<TrainingResult> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spec = request.Spec;
        var commit = await repository.ResolveAsync(request.DataRef, cancellationToken);
        var specHash = spec.ComputeHash();
        var id = request.IdempotencyKey is null ? RunStore.NewId(_time) : RunStore.IdFor($"{request.IdempotencyKey}\n{specHash}\n{commit.Id}");
        if (request.IdempotencyKey is not null && await Runs.TryGetAsync(id, cancellationToken) is { Status: RunStatus.Finished } done)
            return new TrainingResult(done, null, true);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal) { [RunTags.Ref] = request.DataRef };
        foreach (var (key, value) in request.Tags ?? new Dictionary<string, string>())
            tags[key] = value;
        var run = new RunRecord(id, spec.Name, RunStatus.Running, null, _time.GetUtcNow(), null, ParamsOf(spec), new Dictionary<string, double>(), tags,
            request.DataRef, commit.Id, [], specHash, spec, null, null, [], RunEnvironment.Current(trainer.Packages), 0, 0)
        { IdempotencyKey = request.IdempotencyKey };
        await Runs.SaveAsync(run, cancellationToken);
        try
        {
            using var workspace = Workspace.Create("train");
            var (train, test, datasets) = await workspace.FetchDataAsync(repository, commit, spec.Data, cancellationToken);
            run = run with { Datasets = datasets };
            var output = await trainer.TrainAsync(new TrainingInput(spec, train, test, workspace.Root), cancellationToken);
            var modelHash = await Artifacts.UploadAsync(output.ModelFile, cancellationToken);
            // The fingerprints go first: a finished run always has them, so later comparisons can prove no overlap.
            if (output.TrainingRows is { } trainingRows)
                await Runs.SaveTrainingRowsAsync(run.Id, trainingRows, cancellationToken);
            // A test file (or duplicates across a time split) may repeat training rows: the run's own metrics leave them out too.
            var (keep, evaluation) = TrainingOverlap.Check(output.TestPredictions, [("model", run.Id, output.TrainingRows)]);
            var predictions = TrainingOverlap.Apply(output.TestPredictions, keep);
            var parameters = new SortedDictionary<string, string>(run.Params.ToDictionary(), StringComparer.Ordinal);
            foreach (var (key, value) in output.Params)
                parameters.TryAdd(key, value);
            run = run with
            {
                Status = RunStatus.Finished,
                EndTime = _time.GetUtcNow(),
                Params = parameters,
                Metrics = MetricCalculator.Compute(predictions),
                Analysis = ErrorAnalysis.Of(predictions, MetricNames.Primary(spec.Task)),
                Evaluation = evaluation,
                ModelHash = modelHash,
                Schema = output.Schema,
                FeatureImportance = output.FeatureImportance,
                TrainRows = output.TrainRows,
                TestRows = predictions.Count,
                Unlabelled = output.Unlabelled,
            };
            await Runs.SaveAsync(run, cancellationToken);
            return new TrainingResult(run, predictions, false) { Evaluation = evaluation };
        }
        catch (Exception e)
        {
            var error = e switch
            {
                MlopsException => e.Message,
                OperationCanceledException when cancellationToken.IsCancellationRequested => "cancelled",
                _ => $"{e.GetType().Name}: {e.Message}",
            };
            var failed = run with { Status = RunStatus.Failed, Error = error, EndTime = _time.GetUtcNow() };
            await Runs.SaveAsync(failed, CancellationToken.None);
            throw;
        }
    }

    private static SortedDictionary<string, string> ParamsOf(ModelSpec spec)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["task"] = spec.Task.ToString().ToLowerInvariant(),
            ["trainer"] = spec.Trainer,
            ["seed"] = spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["label"] = spec.Label,
        };
        if (spec.Data.Test is null)
            parameters["split"] = spec.Data.HoldoutFraction.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (spec.TimeColumn is not null)
            parameters["time-column"] = spec.TimeColumn;
        foreach (var (key, value) in spec.Params)
            parameters[key] = value;
        return parameters;
    }
}
