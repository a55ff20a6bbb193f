using System.Globalization;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

public abstract partial class RepositorySpecs
{
    /// <summary>How many commit-while-gc trials to run (each one a commit of <see cref="FilesPerGcTrial"/> new files).</summary>
    protected virtual int ConcurrentGcTrials => 20;

    protected virtual int FilesPerGcTrial => 500;

    [Fact]
    [Trait("Speed", "Slow")]
    public async Task Gc_with_no_grace_while_commits_run_loses_nothing()
    {
        // Seen: 'mlops data commit main data & sleep 0.5; mlops data gc --grace 0s' left main pointing at 1,505 missing blobs.
        for (var trial = 0; trial < ConcurrentGcTrials; trial++)
        {
            var files = Enumerable.Range(0, FilesPerGcTrial).Select(i => ($"t{trial}/f{i}.csv", string.Create(CultureInfo.InvariantCulture, $"{trial},{i}\n"))).ToArray();
            var folder = Folder($"trial{trial}", files);
            var commit = Task.Run(() => CommitAsync("main", folder));
            await Task.Delay(trial % 5 * 20);

            await Repo.GcAsync(TimeSpan.Zero, default);
            await commit;

            var fsck = await Repo.FsckAsync(NoProgress.Instance, default);
            Assert.True(fsck.Clean, $"trial {trial}: {fsck.Problems.Count} problem(s), e.g. {string.Join("; ", fsck.Problems.Take(3))}");
            Assert.Equal(FilesPerGcTrial, await CountAsync("main"));
        }
    }

    [Fact]
    public async Task Content_of_a_deleted_branch_committed_again_while_gc_runs_is_kept()
    {
        // Seen: content first committed on a branch deleted long ago was re-committed to main while gc ran; the commit
        // skipped the existing objects without refreshing them, gc removed them, and main pointed at missing objects.
        var files = Enumerable.Range(0, 40).Select(i => ($"f{i}.csv", $"old {i}")).ToArray();
        await Repo.CreateBranchAsync("old", "main", default);
        await CommitAsync("old", Folder("old", files));
        await Repo.DeleteBranchAsync("old", false, default);
        await AgeStoreAsync();
        var gc = new GcWhileValidating(AgedGcGrace, Repo);
        var committer = await Repository.OpenAsync(Repo.Store, new RepositoryOptions(TimeProvider.System, "tester", gc), default);

        await committer.CommitFolderAsync("main", Folder("again", files), "", "again", NoMeta, NoProgress.Instance, default);

        Assert.True(gc.Removed > 0, "gc ran during the commit and removed the old branch's commit");
        var fsck = await Repo.FsckAsync(NoProgress.Instance, default);
        Assert.True(fsck.Clean, string.Join("; ", fsck.Problems.Take(3)));
        Assert.Equal(40, await CountAsync("main"));
    }

    [Fact]
    public async Task Fsck_repair_rewrites_missing_and_corrupt_blobs_from_a_folder_holding_their_files()
    {
        // Seen: after corruption, committing the same folder again said "No change"; blobs over 1 MiB were skipped as existing.
        var big = new string('b', (2 << 20) + 17);
        var folder = Folder("data", ("big.bin", big), ("small.csv", "s"), ("other.csv", "o"));
        await CommitAsync("main", folder);
        var bigEntry = await Repo.GetEntryAsync("main", "big.bin", default);
        var smallEntry = await Repo.GetEntryAsync("main", "small.csv", default);
        var bigKey = "objects/" + bigEntry.Hash[..2] + "/" + bigEntry.Hash;
        await Repo.Store.DeleteAsync(bigKey, default);
        await Repo.Store.PutIfAbsentAsync(bigKey, "tampered"u8.ToArray(), default);
        await Repo.Store.DeleteAsync("objects/" + smallEntry.Hash[..2] + "/" + smallEntry.Hash, default);
        File.WriteAllText(Path.Combine(folder, "other.csv"), "edited since");

        var before = await Repo.FsckAsync(NoProgress.Instance, default);
        var (repaired, after) = await Repo.RepairAsync(folder, NoProgress.Instance, default);

        Assert.Equal(2, before.Problems.Count);
        Assert.Equal(2, repaired);
        Assert.True(after.Clean, string.Join("; ", after.Problems));
        Assert.Equal(big, (await ContentAsync("main"))["big.bin"]);
    }

    /// <summary>The grace the gc during the re-commit uses: the default where the store can be aged, none where it cannot.</summary>
    protected virtual TimeSpan AgedGcGrace => TimeSpan.Zero;

    /// <summary>Makes what is in the store look old to gc: local files are backdated, S3 objects can only grow older.</summary>
    protected virtual Task AgeStoreAsync() => Task.Delay(1100);

    private async Task<int> CountAsync(string reference)
    {
        var count = 0;
        await foreach (var _ in Repo.ListAsync(reference, "", default))
            count++;
        return count;
    }

    /// <summary>Runs gc at the last moment before a commit lands: after its objects are written, before its ref moves.</summary>
    private sealed class GcWhileValidating(TimeSpan grace, Repository repository) : ICommitValidator
    {
        public long Removed { get; private set; }

        public async Task ValidateAsync(ValidationContext context, CancellationToken cancellationToken) =>
            Removed += (await repository.GcAsync(grace, cancellationToken)).Removed;
    }
}
