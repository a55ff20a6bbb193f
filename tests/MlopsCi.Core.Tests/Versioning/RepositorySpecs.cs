using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

/// <summary>
/// The data-version-control suite, run against every store adapter: each adapter's test project derives a class
/// that says how to make a fresh, empty store (local folder here; Ceph RGW in the S3 tests).
/// </summary>
public abstract partial class RepositorySpecs : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private IObjectStore _store = null!;

    protected Repository Repo { get; private set; } = null!;

    protected TempFolder Temp => _temp;

    protected static readonly IReadOnlyDictionary<string, string> NoMeta = new Dictionary<string, string>();

    protected abstract Task<IObjectStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        Repo = (await Repository.InitAsync(_store, "main", new RepositoryOptions(TimeProvider.System, "tester"), default)).Repository;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _temp.Dispose();
    }

    protected string Folder(string name, params (string Path, string Content)[] files)
    {
        var folder = _temp.Combine(name);
        if (Directory.Exists(folder))
            Directory.Delete(folder, true);
        Directory.CreateDirectory(folder);
        foreach (var (path, content) in files)
            _temp.Write(Path.Combine(name, path), content);
        return folder;
    }

    protected Task<CommitOutcome> CommitAsync(string branch, string folder, string message = "change") =>
        Repo.CommitFolderAsync(branch, folder, "", message, NoMeta, NoProgress.Instance, default);

    protected async Task<Dictionary<string, string>> ContentAsync(string reference)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entry in Repo.ListAsync(reference, "", default))
        {
            await using var stream = await Repo.OpenBlobAsync(entry, default);
            using var reader = new StreamReader(stream);
            result[entry.Path] = await reader.ReadToEndAsync();
        }

        return result;
    }

    [Fact]
    public async Task A_commit_makes_the_branch_exactly_the_folder_content()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("b.csv", "2"), ("sub/c.csv", "3")));
        var outcome = await CommitAsync("main", Folder("v2", ("a.csv", "1"), ("sub/c.csv", "33"), ("d.csv", "4")));

        Assert.True(outcome.Changed);
        Assert.Equal(["D b.csv", "A d.csv", "M sub/c.csv"], outcome.Changes.Select(c => $"{c.Code} {c.Path}"));
        Assert.Equal(new Dictionary<string, string> { ["a.csv"] = "1", ["d.csv"] = "4", ["sub/c.csv"] = "33" }, await ContentAsync("main"));
    }

    [Fact]
    public async Task Committing_unchanged_content_makes_no_commit()
    {
        var first = await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        var second = await CommitAsync("main", Folder("v1", ("a.csv", "1")));

        Assert.False(second.Changed);
        Assert.Equal(first.Commit.Id, second.Commit.Id);
        Assert.Equal(0, second.Transfer.BlobsWritten);
    }

    [Fact]
    public async Task A_branch_shares_data_and_diverges_independently()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        await Repo.CreateBranchAsync("pr-1", "main", default);
        await CommitAsync("pr-1", Folder("v2", ("a.csv", "1"), ("b.csv", "2")));

        Assert.Equal(["a.csv"], (await ContentAsync("main")).Keys);
        Assert.Equal(["a.csv", "b.csv"], (await ContentAsync("pr-1")).Keys);
        Assert.Equal(["A b.csv"], (await Repo.DiffAsync("main", "pr-1", "", default)).Select(d => $"{d.Code} {d.Path}"));
    }

    [Fact]
    public async Task A_merge_fast_forwards_when_the_destination_has_not_moved()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        await Repo.CreateBranchAsync("pr-1", "main", default);
        var head = await CommitAsync("pr-1", Folder("v2", ("a.csv", "2")));

        var merged = await Repo.MergeAsync("pr-1", "main", MergeStrategy.Fail, null, NoMeta, default);

        Assert.Equal("fast-forward", merged.Kind);
        Assert.Equal(head.Commit.Id, merged.Commit.Id);
    }

    [Fact]
    public async Task A_three_way_merge_combines_both_sides_in_a_commit_with_two_parents()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("b.csv", "1")));
        await Repo.CreateBranchAsync("pr-1", "main", default);
        var pr = await CommitAsync("pr-1", Folder("pr", ("a.csv", "pr"), ("b.csv", "1")));
        var main = await CommitAsync("main", Folder("main", ("a.csv", "1"), ("b.csv", "main")));

        var merged = await Repo.MergeAsync("pr-1", "main", MergeStrategy.Fail, null, NoMeta, default);

        Assert.Equal("merge", merged.Kind);
        Assert.Equal([main.Commit.Id, pr.Commit.Id], merged.Commit.Parents);
        Assert.Equal(new Dictionary<string, string> { ["a.csv"] = "pr", ["b.csv"] = "main" }, await ContentAsync("main"));
    }

    [Fact]
    public async Task A_conflicting_merge_lists_every_conflicting_path_and_changes_nothing()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("b.csv", "1"), ("c.csv", "1")));
        await Repo.CreateBranchAsync("pr-1", "main", default);
        await CommitAsync("pr-1", Folder("pr", ("a.csv", "pr"), ("b.csv", "pr")));
        var main = await CommitAsync("main", Folder("main", ("a.csv", "main"), ("c.csv", "1")));

        var error = await Assert.ThrowsAsync<MergeConflictException>(() => Repo.MergeAsync("pr-1", "main", MergeStrategy.Fail, null, NoMeta, default));

        Assert.Equal(["a.csv", "b.csv"], error.Conflicts);
        Assert.Equal(1, error.ExitCode);
        Assert.Equal(main.Commit.Id, (await Repo.ResolveAsync("main", default)).Id);
    }

    [Theory]
    [InlineData(MergeStrategy.SourceWins, "pr")]
    [InlineData(MergeStrategy.DestWins, "main")]
    public async Task A_merge_strategy_resolves_conflicts(MergeStrategy strategy, string expected)
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        await Repo.CreateBranchAsync("pr-1", "main", default);
        await CommitAsync("pr-1", Folder("pr", ("a.csv", "pr")));
        await CommitAsync("main", Folder("main", ("a.csv", "main")));

        await Repo.MergeAsync("pr-1", "main", strategy, null, NoMeta, default);

        Assert.Equal(expected, (await ContentAsync("main"))["a.csv"]);
    }
}
