using MlopsCi.Config.Hooks;
using MlopsCi.Core.Hooks;
using MlopsCi.Core.Hooks.Tables;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Hooks.Tests;

/// <summary>A real repository in a temporary folder with the hooks validator plugged in, and work folders to commit from.</summary>
internal sealed class HookRepository : IAsyncDisposable
{
    private readonly TempFolder _temp;
    private readonly List<HookRun> _runs = [];

    private HookRepository(TempFolder temp)
    {
        _temp = temp;
        Store = new LocalFolderStore(temp.Combine("store"));
    }

    public LocalFolderStore Store { get; }

    public Repository Repository { get; private set; } = null!;

    /// <summary>The same repository without hooks, to put data in place behind the rules' back.</summary>
    public Repository Unchecked { get; private set; } = null!;

    public HookValidator Validator { get; private set; } = null!;

    public IReadOnlyList<HookRun> Runs => _runs;

    public string Root => _temp.Path;

    public static async Task<HookRepository> CreateAsync(TimeProvider? time = null, CsvDialects? dialects = null)
    {
        var result = new HookRepository(new TempFolder());
        var options = new HookValidatorOptions(time ?? TimeProvider.System, [new ParquetTableReader()], result._runs.Add) { Dialects = dialects ?? CsvDialects.None };
        result.Validator = new HookValidator(new HookConfigParser(), options);
        (result.Unchecked, _) = await Repository.InitAsync(result.Store, "main", new RepositoryOptions(TimeProvider.System, "tests"), default);
        result.Repository = await Repository.OpenAsync(result.Store, new RepositoryOptions(TimeProvider.System, "tests", result.Validator), default);
        return result;
    }

    public string Folder(string branch) => _temp.Combine("work", branch.Replace('/', '_'));

    public void Write(string path, string content, string branch = "main") => _temp.Write(Path.Combine("work", branch.Replace('/', '_'), path), content);

    public void Delete(string path, string branch = "main") => File.Delete(Path.Combine(Folder(branch), path));

    public Task<CommitOutcome> CommitAsync(string branch = "main", bool check = true) =>
        (check ? Repository : Unchecked).CommitFolderAsync(branch, Folder(branch), "", "change", new Dictionary<string, string>(), NoProgress.Instance, default);

    public async Task BranchAsync(string name, string from = "main")
    {
        await Repository.CreateBranchAsync(name, from, default);
        CopyFolder(Folder(from), Folder(name));
    }

    public async Task<string> HeadAsync(string branch) => (await Repository.TryGetBranchAsync(branch, default))!.Value.Ref.Commit;

    /// <summary>Runs the hooks on every file of a ref as the CLI's validate --all does.</summary>
    public async Task<HookRun?> ValidateAllAsync(string reference, HookEvent hookEvent = HookEvent.PreCommit, string branch = "main")
    {
        var commit = await Repository.ResolveAsync(reference, default);
        var changes = new List<DiffEntry>();
        await foreach (var entry in Repository.ListAsync(commit, "", default))
            changes.Add(new DiffEntry(DiffKind.Added, entry.Path, null, entry));
        var context = new ValidationContext(hookEvent, branch, commit, Metarange.Empty, await Repository.GetTreeAsync(commit, default), changes, Repository);
        return await Validator.EvaluateAsync(context, default);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _temp.Dispose();
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
            return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, true);
        }
    }
}
