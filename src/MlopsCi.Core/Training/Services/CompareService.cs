using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Evaluation;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Training.Services;

/// <summary>
/// Scores a baseline and a candidate model on the same evaluation rows (defined by the candidate's spec at a data ref),
/// leaves out the rows either model trained on (by their training-row fingerprints), then compares every metric with a
/// paired bootstrap and evaluates the gates.
/// </summary>
public sealed class CompareService(Repository repository, ITrainer trainer, TimeProvider? time = null)
{
    private readonly ModelResolver _resolver = new(repository.Store, time);
    private readonly ModelArtifacts _artifacts = new(repository.Store);

    /// <summary>Also compute both models' permutation importance on the same evaluation rows (the pull-request report shows it).</summary>
    public bool Importance { get; init; }

    /// <summary>Compares two models (run id, name@alias or name:version) on the candidate's evaluation rows at <paramref name="dataRef"/>.</summary>
    public async Task<ComparisonResult> CompareAsync(string baselineModel, string candidateModel, string dataRef, IReadOnlyList<GateSpec> gates, BootstrapOptions? options, CancellationToken cancellationToken)
    {
        var baseline = await _resolver.ResolveAsync(baselineModel, cancellationToken);
        var candidate = await _resolver.ResolveAsync(candidateModel, cancellationToken);
        return await CompareAsync(baseline, candidate, dataRef, gates, options, cancellationToken);
    }

    /// <summary>Compares two runs on the candidate run's own data commit and evaluation rows.</summary>
    public async Task<ComparisonResult> CompareRunsAsync(string baselineRun, string candidateRun, IReadOnlyList<GateSpec> gates, BootstrapOptions? options, CancellationToken cancellationToken)
    {
        var baseline = await _resolver.ResolveAsync(baselineRun, cancellationToken);
        var candidate = await _resolver.ResolveAsync(candidateRun, cancellationToken);
        return await CompareAsync(baseline, candidate, candidate.Run.DataCommit, gates, options, cancellationToken);
    }

    /// <summary>Compares two resolved models on the candidate's evaluation rows at <paramref name="dataRef"/>.</summary>
    public async Task<ComparisonResult> CompareAsync(ResolvedModel baseline, ResolvedModel candidate, string dataRef, IReadOnlyList<GateSpec> gates, BootstrapOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        var commit = await repository.ResolveAsync(dataRef, cancellationToken);
        var spec = candidate.Run.Spec;
        using var workspace = Workspace.Create("compare");
        var (train, test, _) = await workspace.FetchDataAsync(repository, commit, spec.Data, cancellationToken);
        var candidateFile = await workspace.FetchModelAsync(_artifacts, candidate.ModelHash, cancellationToken);
        var baselineFile = await workspace.FetchModelAsync(_artifacts, baseline.ModelHash, cancellationToken);
        var candidatePredictions = await trainer.ScoreAsync(new ScoringInput(candidateFile, spec, train, test, true, workspace.Root) { Importance = Importance }, cancellationToken);
        var baselinePredictions = await trainer.ScoreAsync(new ScoringInput(baselineFile, spec, train, test, true, workspace.Root, candidatePredictions.Classes) { Importance = Importance }, cancellationToken);
        var (keep, evaluation) = TrainingOverlap.Check(candidatePredictions, [
            ("baseline", Describe(baseline), await _resolver.Runs.TryGetTrainingRowsAsync(baseline.Run.Id, cancellationToken)),
            ("candidate", Describe(candidate), await _resolver.Runs.TryGetTrainingRowsAsync(candidate.Run.Id, cancellationToken)),
        ]);
        var (baseRows, candidateRows) = (TrainingOverlap.Apply(baselinePredictions, keep), TrainingOverlap.Apply(candidatePredictions, keep));
        var bootstrap = options ?? BootstrapOptions.Default;
        var comparison = PairedBootstrap.Compare(baseRows, candidateRows, gates, bootstrap);
        var classification = spec.Task != ModelTask.Regression;
        return new ComparisonResult(baseline, candidate, commit.Id, comparison, evaluation)
        {
            BaselineConfusion = classification ? ConfusionMatrix.Of(baseRows) : null,
            CandidateConfusion = classification ? ConfusionMatrix.Of(candidateRows) : null,
            Slices = SliceAnalysis.Compare(baseRows, candidateRows, MetricNames.Primary(spec.Task), bootstrap),
            BaselineImportance = baselinePredictions.Importance,
            CandidateImportance = candidatePredictions.Importance,
        };
    }

    /// <summary>How a model is named in the overlap line: its reference, and its run when that is not the reference.</summary>
    internal static string Describe(ResolvedModel model) => model.Reference == model.Run.Id ? $"run {model.Run.Id}" : $"{model.Reference}, run {model.Run.Id}";
}
