using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Training.Services;

/// <summary>Scores every row of a file (at a data ref, or local) with a recorded or registered model and writes the predictions.</summary>
public sealed class PredictService(Repository repository, ITrainer trainer, TimeProvider? time = null)
{
    private readonly ModelResolver _resolver = new(repository.Store, time);
    private readonly ModelArtifacts _artifacts = new(repository.Store);

    /// <summary>
    /// Predicts with <paramref name="model"/> on <paramref name="localInput"/>, or on <paramref name="path"/> at
    /// <paramref name="dataRef"/>; writes <paramref name="output"/>; returns the model and the number of rows.
    /// </summary>
    public async Task<(ResolvedModel Model, long Rows)> PredictAsync(string model, string? dataRef, string? path, string? localInput, string output, CancellationToken cancellationToken)
    {
        var resolved = await _resolver.ResolveAsync(model, cancellationToken);
        using var workspace = Workspace.Create("predict");
        var modelFile = await workspace.FetchModelAsync(_artifacts, resolved.ModelHash, cancellationToken);
        DataFile input;
        if (localInput is not null)
        {
            if (!File.Exists(localInput))
                throw new Errors.InvalidInputException($"There is no file {localInput} to predict on.");
            input = new DataFile(localInput, Path.GetFileName(localInput));
        }
        else
        {
            var commit = await repository.ResolveAsync(dataRef ?? throw new Errors.InvalidInputException("Name the rows to predict on: --ref <data-ref> --path <file>, or --input <local file>."), cancellationToken);
            input = await workspace.FetchAsync(repository, commit, path ?? throw new Errors.InvalidInputException("--ref needs --path <file in the data repository>."), "input", [], cancellationToken);
        }

        var rows = await trainer.PredictAsync(new PredictionInput(modelFile, resolved.Run.Spec, input, output, workspace.Root), cancellationToken);
        return (resolved, rows);
    }
}
