using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

public sealed class TreeSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    private static Entry E(string path, int version = 0) => new(path, Hashing.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(path + version)), 10);

    [Fact]
    public async Task Incremental_edits_give_the_same_tree_as_building_it_from_scratch()
    {
        var trees = new TreeStore(new LocalFolderStore(_temp.Path));
        var random = new Random(7);
        var current = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        for (var i = 0; i < 30_000; i++)
            current[$"data/{i:D6}.csv"] = E($"data/{i:D6}.csv");
        var tree = await trees.BuildAsync(current.Values, default);

        for (var round = 0; round < 20; round++)
        {
            var changes = new List<Change>();
            for (var k = 0; k < 1 + random.Next(200); k++)
            {
                var path = $"data/{random.Next(40_000):D6}.csv";
                var change = random.Next(3) == 0 ? Change.Delete(path) : Change.Put(E(path, round + 1));
                changes.RemoveAll(c => c.Path == path);
                changes.Add(change);
            }

            changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            foreach (var change in changes)
            {
                if (change.Entry is null)
                    current.Remove(change.Path);
                else
                    current[change.Path] = change.Entry;
            }

            tree = await trees.ApplyAsync(tree, changes, default);
            var rebuilt = await trees.BuildAsync(current.Values, default);
            Assert.Equal(rebuilt.ComputeId(), tree.ComputeId());
        }

        Assert.True(tree.Ranges.Count > 10);
    }

    [Fact]
    public async Task A_small_change_rewrites_few_ranges_and_diff_finds_exactly_it()
    {
        var trees = new TreeStore(new LocalFolderStore(_temp.Path));
        var entries = Enumerable.Range(0, 50_000).Select(i => E($"f/{i:D6}")).ToList();
        var before = await trees.BuildAsync(entries, default);
        Change[] changes = [Change.Put(E("f/000100", 1)), Change.Delete("f/025000"), Change.Put(E("f/049999x"))];

        var after = await trees.ApplyAsync(before, changes, default);
        var diff = await trees.DiffAsync(before, after, "", default);

        var shared = after.Ranges.Select(r => r.Id).Intersect(before.Ranges.Select(r => r.Id)).Count();
        Assert.True(shared >= before.Ranges.Count - 4, $"{shared} of {before.Ranges.Count} ranges shared");
        Assert.Equal(["M f/000100", "D f/025000", "A f/049999x"], diff.Select(d => $"{d.Code} {d.Path}"));
    }

    public void Dispose() => _temp.Dispose();
}
