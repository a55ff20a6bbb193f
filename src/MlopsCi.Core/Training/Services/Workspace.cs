using MlopsCi.Core.Specs;
using MlopsCi.Core.Training.Registry;
using MlopsCi.Core.Training.Runs;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Training.Services;

/// <summary>A scratch folder for one operation: data files read from a commit (verified) and model files; deleted on dispose.</summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(string root) => Root = root;

    public string Root { get; }

    public static Workspace Create(string purpose)
    {
        var root = Path.Combine(Path.GetTempPath(), $"mlops-{purpose}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        return new Workspace(root);
    }

    /// <summary>Downloads the spec's train (and test) files at a commit; returns them with their dataset records.</summary>
    public async Task<(DataFile Train, DataFile? Test, IReadOnlyList<RunDataset> Datasets)> FetchDataAsync(Repository repository, Commit commit, ModelDataSpec data, CancellationToken cancellationToken)
    {
        var datasets = new List<RunDataset>();
        var train = await FetchAsync(repository, commit, data.Train, "train", datasets, cancellationToken);
        var test = data.Test is null ? null : await FetchAsync(repository, commit, data.Test, "test", datasets, cancellationToken);
        return (train, test, datasets);
    }

    /// <summary>Downloads one file at a commit.</summary>
    public async Task<DataFile> FetchAsync(Repository repository, Commit commit, string path, string role, List<RunDataset> datasets, CancellationToken cancellationToken)
    {
        var entry = await repository.FindAsync(commit, path.TrimStart('/'), cancellationToken)
            ?? throw new Errors.InvalidInputException($"There is no file '{path}' at data commit {commit.Id[..12]}. 'mlops data ls <ref>' lists what is there; fix model.data in mlops.yml.");
        var folder = Path.Combine(Root, role);
        Directory.CreateDirectory(folder);
        var local = Path.Combine(folder, Path.GetFileName(entry.Path));
        await repository.DownloadAsync(entry, local, cancellationToken);
        datasets.Add(new RunDataset(role, entry.Path, commit.Id, "sha256:" + entry.Hash, entry.Size));
        return new DataFile(local, entry.Path);
    }

    /// <summary>Downloads a model artifact to a fresh file in the workspace.</summary>
    public async Task<string> FetchModelAsync(ModelArtifacts artifacts, string hash, CancellationToken cancellationToken)
    {
        var local = Path.Combine(Root, $"model-{hash[..12]}.zip");
        if (!File.Exists(local))
            await artifacts.DownloadAsync(hash, local, cancellationToken);
        return local;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
