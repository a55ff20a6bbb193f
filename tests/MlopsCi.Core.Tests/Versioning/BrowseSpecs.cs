using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

/// <summary>Folder pages (<see cref="Repository.BrowseAsync"/>): sub-folders collapsed, cursors resuming exactly, across many ranges.</summary>
public sealed class BrowseSpecs : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Paging_a_folder_lists_each_file_and_sub_folder_once_in_order_whatever_the_page_size()
    {
        var random = new Random(11);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        while (paths.Count < 20_000)
            paths.Add(string.Join('/', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => "d" + random.Next(12))) + $"/f{random.Next(100_000)}.csv");
        paths.Add("top.txt");
        paths.Add("d1.csv");
        var repository = (await Repository.InitAsync(new LocalFolderStore(_temp.Combine("store")), "main", new RepositoryOptions(TimeProvider.System, "test"), default)).Repository;
        await repository.CommitChangesAsync("main", paths.Select(p => Change.Put(new Entry(p, Hashing.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(p)), 1))), "seed", new Dictionary<string, string>(), default);
        var commit = await repository.ResolveAsync("main", default);

        foreach (var folder in new[] { "", "d1/", "d1/d2/", "d3/d3/d3/", "nothing/" })
        {
            var expected = paths.Where(p => p.StartsWith(folder, StringComparison.Ordinal))
                .Select(p => p[folder.Length..]).Select(rest => rest.Contains('/', StringComparison.Ordinal) ? rest[..(rest.IndexOf('/', StringComparison.Ordinal) + 1)] : rest)
                .Distinct().ToList();
            foreach (var size in new[] { 1, 7, 1000 })
            {
                var seen = new List<string>();
                string? after = null;
                do
                {
                    var page = await repository.BrowseAsync(commit, folder, after, size, default);
                    Assert.True(page.Items.Count <= size);
                    Assert.All(page.Items, i => Assert.Equal(i.Name.EndsWith('/'), i.IsFolder));
                    seen.AddRange(page.Items.Select(i => i.Name));
                    after = page.Next;
                }
                while (after is not null);
                Assert.Equal(expected, seen);
            }
        }
    }

    [Fact]
    public async Task A_cursor_from_another_folder_is_refused()
    {
        var repository = (await Repository.InitAsync(new LocalFolderStore(_temp.Combine("store")), "main", new RepositoryOptions(TimeProvider.System, "test"), default)).Repository;
        var commit = await repository.ResolveAsync("main", default);
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => repository.BrowseAsync(commit, "a/", "b/x.csv", 10, default));
        Assert.Contains("not inside folder 'a/'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
