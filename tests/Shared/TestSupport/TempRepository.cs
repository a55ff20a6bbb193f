using MlopsCi.Config.Specs;
using MlopsCi.Core.Specs;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;
using MlopsCi.Core.Training.Services;
using MlopsCi.Core.Versioning;
using MlopsCi.LocalStore;
using MlopsCi.MLNet;

namespace MlopsCi.Training.Tests.Support;

/// <summary>A data repository in a temporary folder with helpers to commit files and train.</summary>
public sealed class TempRepository : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private TempRepository(TempFolder folder, LocalFolderStore store, Repository repository)
    {
        _folder = folder;
        Store = store;
        Repository = repository;
    }

    public string Folder => _folder.Path;

    public LocalFolderStore Store { get; }

    public Repository Repository { get; }

    public MlNetTrainer Trainer { get; } = new();

    public TrainingService Training => new(Repository, Trainer);

    public static async Task<TempRepository> CreateAsync()
    {
        var folder = new TempFolder();
        var store = new LocalFolderStore(folder.Combine("store"));
        var (repository, _) = await Repository.InitAsync(store, "main", RepositoryOptions.FromEnvironment(_ => "tests"), CancellationToken.None);
        return new TempRepository(folder, store, repository);
    }

    /// <summary>Makes <paramref name="branch"/> exactly these files (repository path → local file to copy).</summary>
    public async Task<string> CommitAsync(string branch, IReadOnlyDictionary<string, string> files)
    {
        var staging = Path.Combine(Folder, "staging-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var (path, source) in files)
        {
            var target = Path.Combine(staging, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        if (await Repository.TryGetBranchAsync(branch, CancellationToken.None) is null)
            await Repository.CreateBranchAsync(branch, "main", CancellationToken.None);
        var outcome = await Repository.CommitFolderAsync(branch, staging, "", "test data", new Dictionary<string, string>(), NoProgress.Instance, CancellationToken.None);
        return outcome.Commit.Id;
    }

    /// <summary>Writes text to a file in the temp folder and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, "files", Guid.NewGuid().ToString("N")[..8], name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public static ModelSpec Model(string yaml) => MlopsSpecParser.Parse(yaml).RequireModel();

    public static MlopsSpec Spec(string yaml) => MlopsSpecParser.Parse(yaml);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _folder.Dispose();
    }
}
