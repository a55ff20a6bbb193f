using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Storage;

public sealed class StoreLayoutSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Every_key_a_repository_writes_lies_under_a_prefix_the_layout_names()
    {
        var root = _temp.Combine("store");
        await using (var store = new LocalFolderStore(root))
        {
            var repository = (await Repository.InitAsync(store, "main", new RepositoryOptions(TimeProvider.System, "tester"), default)).Repository;
            _temp.Write("data/a.csv", "id\n1\n");
            _temp.Write("data/sub/b.csv", "id\n2\n");
            await repository.CreateBranchAsync("dev", "main", default);
            await repository.CommitFolderAsync("dev", _temp.Combine("data"), "", "data", new Dictionary<string, string>(), NoProgress.Instance, default);
            await repository.CreateTagAsync("v1", "dev", default);
            await repository.MergeAsync("dev", "main", MergeStrategy.Fail, null, new Dictionary<string, string>(), default);
            await repository.GcAsync(TimeSpan.FromDays(1), default);
        }

        var keys = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        Assert.Contains(keys, k => k.StartsWith(StoreLayout.Blobs, StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith(StoreLayout.Tags, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.True(
            k == StoreLayout.RepositoryInfo || StoreLayout.Prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) || k.EndsWith(".lock", StringComparison.Ordinal),
            $"{k} is under no prefix StoreLayout names"));
    }

    [Fact]
    public void Collected_prefixes_and_record_prefixes_never_overlap()
    {
        foreach (var collected in StoreLayout.Collected)
            Assert.DoesNotContain(StoreLayout.Prefixes, p => p != collected && (p.StartsWith(collected, StringComparison.Ordinal) || collected.StartsWith(p, StringComparison.Ordinal)));
        Assert.Equal($"{StoreLayout.Blobs}ab/abcdef", StoreLayout.BlobKey("abcdef"));
        Assert.Equal(StoreLayout.BlobKey("abcdef"), Repository.BlobKey("abcdef"));
    }

    public void Dispose() => _temp.Dispose();
}
