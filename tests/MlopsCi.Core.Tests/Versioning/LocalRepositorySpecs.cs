using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

/// <summary>The data-version-control suite on the embedded local-folder store.</summary>
public sealed class LocalRepositorySpecs : RepositorySpecs
{
    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new LocalFolderStore(Temp.Combine("store")));

    protected override TimeSpan AgedGcGrace => TimeSpan.FromHours(24);

    /// <summary>Backdates every file of the store by three days, as if written long ago.</summary>
    protected override Task AgeStoreAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Temp.Combine("store"), "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_checkout_into_the_folder_that_holds_the_store_is_refused_and_deletes_nothing()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        var storeParent = Temp.Path;

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Repo.CheckoutAsync("main", storeParent, true, NoProgress.Instance, default));
        var inside = await Assert.ThrowsAsync<InvalidInputException>(() => Repo.CheckoutAsync("main", Temp.Combine("store", "x"), true, NoProgress.Instance, default));

        Assert.Contains("holds the data store", refused.Message, StringComparison.Ordinal);
        Assert.Contains("holds the data store", inside.Message, StringComparison.Ordinal);
        Assert.True((await Repo.FsckAsync(NoProgress.Instance, default)).Clean);
        Assert.True(File.Exists(Temp.Combine("v1", "a.csv")));
    }

    [Fact]
    public async Task Gc_removes_the_temporary_files_killed_writers_left_once_older_than_the_grace_and_keeps_young_ones()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        var stale = Temp.Combine("store", "tmp", "4242-killed-writer");
        var young = Temp.Combine("store", "tmp", "4243-still-writing");
        File.WriteAllText(stale, "half an object");
        File.WriteAllText(young, "being written");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-3));

        var report = await Repo.GcAsync(TimeSpan.FromHours(24), default);

        Assert.Equal(1, report.TemporaryFilesRemoved);
        Assert.Equal("half an object".Length, report.TemporaryBytesRemoved);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(young));
        Assert.True((await Repo.FsckAsync(NoProgress.Instance, default)).Clean);
    }
}
