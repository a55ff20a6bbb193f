using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Training.Services;

/// <summary>Writes a recorded or registered model to a file: the model zip as stored, or ONNX checked on the run's evaluation rows.</summary>
public sealed class ExportService(Repository repository, ITrainer trainer, TimeProvider? time = null)
{
    private readonly ModelResolver _resolver = new(repository.Store, time);
    private readonly ModelArtifacts _artifacts = new(repository.Store);

    /// <summary>Copies the model zip of <paramref name="model"/> (run id, name@alias or name:version) to <paramref name="destination"/>.</summary>
    public async Task<ResolvedModel> ExportZipAsync(string model, string destination, CancellationToken cancellationToken)
    {
        var resolved = await _resolver.ResolveAsync(model, cancellationToken);
        await _artifacts.DownloadAsync(resolved.ModelHash, destination, cancellationToken);
        return resolved;
    }

    /// <summary>
    /// Converts <paramref name="model"/> to ONNX and scores it with an ONNX runtime on the evaluation rows of the run that
    /// trained it (its data commit, its spec); writes <paramref name="destination"/> only when the predictions agree.
    /// </summary>
    public async Task<(ResolvedModel Model, OnnxCheck Check)> ExportOnnxAsync(string model, string destination, CancellationToken cancellationToken)
    {
        var resolved = await _resolver.ResolveAsync(model, cancellationToken);
        var commit = await repository.ResolveAsync(resolved.Run.DataCommit, cancellationToken);
        using var workspace = Workspace.Create("export");
        var modelFile = await workspace.FetchModelAsync(_artifacts, resolved.ModelHash, cancellationToken);
        var (train, test, _) = await workspace.FetchDataAsync(repository, commit, resolved.Run.Spec.Data, cancellationToken);
        var check = await trainer.ExportOnnxAsync(new OnnxExportInput(modelFile, resolved.Run.Spec, train, test, destination, workspace.Root), cancellationToken);
        return (resolved, check);
    }
}
