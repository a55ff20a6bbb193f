using System.Text;
using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

/// <summary>Names stored faithfully, metadata verified on read, malformed metadata named, not crashed on.</summary>
public sealed class StoreIntegritySpecs : IAsyncLifetime
{
    private static readonly Dictionary<string, string> NoMeta = [];
    private readonly TempFolder _temp = new();
    private LocalFolderStore _store = null!;
    private Repository _repo = null!;

    public async Task InitializeAsync()
    {
        _store = new LocalFolderStore(_temp.Combine("store"));
        _repo = (await Repository.InitAsync(_store, "main", new RepositoryOptions(TimeProvider.System, "t"), default)).Repository;
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private Task<CommitOutcome> CommitAsync(string branch, string folder) =>
        _repo.CommitFolderAsync(branch, _temp.Combine(folder), "", "change", NoMeta, NoProgress.Instance, default);

    private string StorePath(string key) => Path.Combine(_store.Root, key);

    [Fact]
    public async Task A_file_name_with_a_backslash_is_refused_naming_the_file_and_never_stored_as_a_folder()
    {
        _temp.Write("data/a\\b.txt", "backslash");
        _temp.Write("data/a/b.txt", "folder");

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => CommitAsync("main", "data"));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("a\\b.txt", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _repo.ListAsync("main", "", default).ToListAsync());
    }

    [Fact]
    public async Task A_file_name_that_is_not_utf8_is_refused_naming_the_real_cause()
    {
        _temp.Write("data/good.csv", "1");
        // .NET cannot spell such a name; the shell writes the raw byte 0xFF.
        using (var touch = System.Diagnostics.Process.Start("bash", ["-c", "touch \"$1\"/$'bad\\xff.csv'", "bash", _temp.Combine("data")])!)
            await touch.WaitForExitAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => CommitAsync("main", "data"));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("is not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("No such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_whose_metarange_id_was_replaced_is_refused_naming_the_commit()
    {
        _temp.Write("v1/a.csv", "first");
        var first = await CommitAsync("main", "v1");
        _temp.Write("v2/a.csv", "second");
        var second = await CommitAsync("main", "v2");
        var key = "commits/" + second.Commit.Id;
        var text = await File.ReadAllTextAsync(StorePath(key));
        await File.WriteAllTextAsync(StorePath(key), text.Replace(second.Commit.Metarange, first.Commit.Metarange, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<CorruptionException>(async () => await _repo.ListAsync("main", "", default).ToListAsync());

        Assert.Equal(1, error.ExitCode);
        Assert.Equal([key], error.Objects);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ranges/")]
    [InlineData("metaranges/")]
    public async Task A_tampered_range_or_metarange_is_refused_on_read_naming_it(string prefix)
    {
        _temp.Write("v1/a.csv", "first");
        var outcome = await CommitAsync("main", "v1");
        var tree = await _repo.GetTreeAsync(outcome.Commit, default);
        var key = prefix + (prefix == "ranges/" ? tree.Ranges[0].Id : outcome.Commit.Metarange);
        var bytes = await File.ReadAllBytesAsync(StorePath(key));
        bytes[^3] ^= 1;
        await File.WriteAllBytesAsync(StorePath(key), bytes);
        var fresh = await Repository.OpenAsync(new LocalFolderStore(_store.Root), new RepositoryOptions(TimeProvider.System, "t"), default);

        var error = await Assert.ThrowsAsync<CorruptionException>(async () => await fresh.ListAsync("main", "", default).ToListAsync());

        Assert.Equal([key], error.Objects);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"commit\":\"ab")]
    [InlineData("garbage\u0001")]
    [InlineData("{}")]
    [InlineData("null")]
    public async Task A_malformed_branch_ref_fails_naming_its_key_and_leaves_other_branches_working(string content)
    {
        _temp.Write("v1/a.csv", "first");
        await CommitAsync("main", "v1");
        await _repo.CreateBranchAsync("feature", "main", default);
        _temp.Write("v2/a.csv", "second");
        await CommitAsync("feature", "v2");
        await File.WriteAllTextAsync(StorePath("refs/branches/broken"), content);

        var error = await Assert.ThrowsAsync<CorruptionException>(() => _repo.ResolveAsync("broken", default));
        var problems = new List<string>();
        var branches = await _repo.ListBranchesAsync(problems, default);
        var fsck = await _repo.FsckAsync(NoProgress.Instance, default);
        var merged = await _repo.MergeAsync("feature", "main", MergeStrategy.Fail, "merge", NoMeta, default);
        var deleted = await _repo.DeleteBranchAsync("broken", missingOk: false, default);

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("refs/branches/broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        Assert.Equal(["feature", "main"], branches.Select(b => b.Name));
        Assert.Contains(problems, p => p.Contains("refs/branches/broken", StringComparison.Ordinal));
        Assert.Contains(fsck.Problems, p => p.Contains("refs/branches/broken", StringComparison.Ordinal));
        Assert.True(fsck.Blobs >= 2);
        Assert.True(merged.Changed);
        Assert.True(deleted);
    }

    [Fact]
    public async Task A_malformed_repository_json_fails_naming_it()
    {
        await File.WriteAllTextAsync(StorePath("repository.json"), "{\"format\":1,\"defau");

        var error = await Assert.ThrowsAsync<CorruptionException>(() => Repository.OpenAsync(new LocalFolderStore(_store.Root), new RepositoryOptions(TimeProvider.System, "t"), default));

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("repository.json in file://", error.Message, StringComparison.Ordinal);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_that_hashes_to_its_id_but_is_not_a_commit_is_named_and_fsck_goes_on()
    {
        var garbage = Encoding.UTF8.GetBytes("{\"parents\":[],\"metarange\":42}");
        var id = Hashing.Sha256Hex(garbage);
        Directory.CreateDirectory(StorePath("commits"));
        await File.WriteAllBytesAsync(StorePath("commits/" + id), garbage);
        await File.WriteAllTextAsync(StorePath("refs/branches/odd"), $"{{\"commit\":\"{id}\",\"version\":1,\"protected\":false}}");

        var error = await Assert.ThrowsAsync<CorruptionException>(() => _repo.ResolveAsync("odd", default));
        var fsck = await _repo.FsckAsync(NoProgress.Instance, default);

        Assert.Equal(["commits/" + id], error.Objects);
        Assert.Contains(fsck.Problems, p => p.StartsWith("malformed commits/" + id, StringComparison.Ordinal));
        Assert.True(fsck.Commits >= 2);
    }

    [Fact]
    public async Task A_link_to_a_folder_inside_is_not_called_broken_and_its_target_is_committed_once()
    {
        _temp.Write("data/real/a.csv", "1");
        File.CreateSymbolicLink(_temp.Combine("data", "alias"), "real");

        var outcome = await CommitAsync("main", "data");

        Assert.Equal(["real/a.csv"], (await _repo.ListAsync("main", "", default).ToListAsync()).Select(e => e.Path));
        var note = Assert.Single(outcome.Transfer.Skipped);
        Assert.Contains("alias (link to the folder real/", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_file_read_through_its_checked_handle_is_stored_with_its_real_size_and_content()
    {
        var content = new byte[(3 << 20) + 17];
        new Random(7).NextBytes(content);
        Directory.CreateDirectory(_temp.Combine("data"));
        await File.WriteAllBytesAsync(_temp.Combine("data", "big.bin"), content);

        await CommitAsync("main", "data");

        var entry = Assert.Single(await _repo.ListAsync("main", "", default).ToListAsync());
        Assert.Equal(content.Length, entry.Size);
        Assert.Equal(Hashing.Sha256Hex(content), entry.Hash);
        Assert.Equal(content, await File.ReadAllBytesAsync(StorePath(Repository.BlobKey(entry.Hash))));
    }

    [Fact]
    public async Task A_full_store_fails_the_commit_naming_the_store_not_the_input()
    {
        var full = new FullDiskStore(_store);
        var repo = await Repository.OpenAsync(full, new RepositoryOptions(TimeProvider.System, "t"), default);
        _temp.Write("data/a.csv", "1");

        var error = await Assert.ThrowsAsync<StorageException>(() => repo.CommitFolderAsync("main", _temp.Combine("data"), "", "m", NoMeta, NoProgress.Instance, default));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains(_store.Location, error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_swapped_for_a_link_to_a_secret_during_commits_never_commits_the_secret()
    {
        var secret = _temp.Write("secret.txt", "TOP SECRET " + Guid.NewGuid());
        var secretHash = Hashing.Sha256Hex(File.ReadAllBytes(secret));
        var file = _temp.Write("data/file.txt", "public");
        using var stop = new CancellationTokenSource();
        var swapper = Task.Run(() =>
        {
            // rename(2) swaps atomically, so the name is always either the regular file or the link.
            var (linkTemp, fileTemp) = (_temp.Combine("link.tmp"), _temp.Combine("file.tmp"));
            while (!stop.IsCancellationRequested)
            {
                File.CreateSymbolicLink(linkTemp, secret);
                File.Move(linkTemp, file, overwrite: true);
                File.WriteAllText(fileTemp, "public");
                File.Move(fileTemp, file, overwrite: true);
                // Each state lasts a random while, so some commits fall in the gaps and some meet the swap, on any
                // machine: without it a busy two-core runner saw the link in all 3,000 tries.
                if (Random.Shared.Next(2) == 0)
                    Thread.Sleep(Random.Shared.Next(1, 4));
            }
        });
        var committed = 0;
        var refusals = new List<string>();
        for (var i = 0; i < 3000 && committed < 100; i++)
        {
            try
            {
                await CommitAsync("main", "data");
                committed++;
            }
            catch (InvalidInputException e)
            {
                refusals.Add(e.Message);
                // Seen as a link at scan time (refused: it points outside), or caught swapping while read.
            }
        }

        await stop.CancelAsync();
        await swapper;

        Assert.True(committed > 0, string.Join("\n", refusals.Take(5)));
        Assert.False(File.Exists(StorePath(Repository.BlobKey(secretHash))), "the secret reached the store");
        Assert.DoesNotContain(await _repo.ListAsync("main", "", default).ToListAsync(), e => e.Hash == secretHash);
    }

    /// <summary>The local store whose disk is full: every blob write meets the operating system's real ENOSPC (/dev/full).</summary>
    private sealed class FullDiskStore(LocalFolderStore inner) : IObjectStore
    {
        public string Location => inner.Location;

        public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

        public Task<byte[]?> TryReadAllAsync(string key, CancellationToken cancellationToken) => inner.TryReadAllAsync(key, cancellationToken);

        public Task<Stream?> TryOpenReadAsync(string key, CancellationToken cancellationToken) => inner.TryOpenReadAsync(key, cancellationToken);

        public async Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            await using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            await device.WriteAsync(content, cancellationToken);
            await device.FlushAsync(cancellationToken);
            return true;
        }

        public Task<bool> PutFileIfAbsentAsync(string key, string localPath, string? expectedSha256, CancellationToken cancellationToken) =>
            PutIfAbsentAsync(key, File.ReadAllBytes(localPath), cancellationToken);

        public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);

        public Task<VersionedObject?> TryReadVersionedAsync(string key, CancellationToken cancellationToken) => inner.TryReadVersionedAsync(key, cancellationToken);

        public Task<bool> TryWriteVersionedAsync(string key, ReadOnlyMemory<byte> content, string? expectedTag, CancellationToken cancellationToken) =>
            inner.TryWriteVersionedAsync(key, content, expectedTag, cancellationToken);

        public Task<bool> TryDeleteVersionedAsync(string key, string expectedTag, CancellationToken cancellationToken) =>
            inner.TryDeleteVersionedAsync(key, expectedTag, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
