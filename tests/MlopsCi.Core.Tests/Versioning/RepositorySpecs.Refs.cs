using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

public abstract partial class RepositorySpecs
{
    [Fact]
    public async Task Refs_resolve_by_branch_tag_full_id_and_unique_prefix()
    {
        var outcome = await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        await Repo.CreateTagAsync("v1.0", "main", default);
        var id = outcome.Commit.Id;

        Assert.Equal(id, (await Repo.ResolveAsync("main", default)).Id);
        Assert.Equal(id, (await Repo.ResolveAsync("v1.0", default)).Id);
        Assert.Equal(id, (await Repo.ResolveAsync(id, default)).Id);
        Assert.Equal(id, (await Repo.ResolveAsync(id[..7], default)).Id);
        var unknown = await Assert.ThrowsAsync<InvalidInputException>(() => Repo.ResolveAsync("nope", default));
        Assert.Contains("Unknown ref 'nope'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_never_moves()
    {
        await Repo.CreateTagAsync("release", "main", default);
        await CommitAsync("main", Folder("v1", ("a.csv", "1")));

        var error = await Assert.ThrowsAsync<OperationFailedException>(() => Repo.CreateTagAsync("release", "main", default));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protected_branch_changes_only_by_merge()
    {
        await Repo.CreateBranchAsync("pr-1", "main", default);
        await Repo.SetProtectionAsync("main", true, default);
        await CommitAsync("pr-1", Folder("pr", ("a.csv", "1")));

        var refused = await Assert.ThrowsAsync<OperationFailedException>(() => CommitAsync("main", Folder("direct", ("b.csv", "1"))));
        var merged = await Repo.MergeAsync("pr-1", "main", MergeStrategy.Fail, null, NoMeta, default);

        Assert.Contains("protected", refused.Message, StringComparison.Ordinal);
        Assert.True(merged.Changed);
        Assert.Equal(["a.csv"], (await ContentAsync("main")).Keys);
    }

    [Fact]
    public async Task Moving_a_branch_is_a_compare_and_swap_on_the_commit_it_was_at()
    {
        var first = await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        await Repo.CreateBranchAsync("pr-1", "main", default);
        var second = await CommitAsync("pr-1", Folder("v2", ("a.csv", "2")));
        await Repo.SetProtectionAsync("main", true, default);

        var stale = await Repo.MoveBranchAsync("pr-1", first.Commit.Id, first.Commit.Id, default);
        var atStale = (await Repo.ResolveAsync("pr-1", default)).Id;
        var moved = await Repo.MoveBranchAsync("pr-1", second.Commit.Id, first.Commit.Id, default);
        var refused = await Assert.ThrowsAsync<OperationFailedException>(() => Repo.MoveBranchAsync("main", first.Commit.Id, second.Commit.Id, default));

        Assert.False(stale);
        Assert.Equal(second.Commit.Id, atStale);
        Assert.True(moved);
        Assert.Equal(first.Commit.Id, (await Repo.ResolveAsync("pr-1", default)).Id);
        Assert.Contains("protected", refused.Message, StringComparison.Ordinal);
        Assert.Equal(first.Commit.Id, (await Repo.ResolveAsync("main", default)).Id);
    }

    [Fact]
    public async Task Deleting_a_branch_keeps_other_branches_and_refuses_the_default_one()
    {
        await Repo.CreateBranchAsync("pr-1", "main", default);

        Assert.True(await Repo.DeleteBranchAsync("pr-1", false, default));
        await Assert.ThrowsAsync<OperationFailedException>(() => Repo.DeleteBranchAsync("main", false, default));
        Assert.Equal(["main"], (await Repo.ListBranchesAsync(default)).Select(b => b.Name));
    }

    [Fact]
    public async Task Revert_commits_the_inverse_of_a_commit()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("b.csv", "1")));
        var change = await CommitAsync("main", Folder("v2", ("a.csv", "2"), ("c.csv", "3")));

        var reverted = await Repo.RevertAsync("main", change.Commit.Id, default);

        Assert.Equal("revert", reverted.Kind);
        Assert.Equal(new Dictionary<string, string> { ["a.csv"] = "1", ["b.csv"] = "1" }, await ContentAsync("main"));
    }

    [Fact]
    public async Task Log_lists_history_newest_first_with_merges()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1")), "one");
        await Repo.CreateBranchAsync("pr-1", "main", default);
        await CommitAsync("pr-1", Folder("pr", ("a.csv", "1"), ("b.csv", "2")), "pr");
        await CommitAsync("main", Folder("v2", ("a.csv", "2")), "two");
        await Repo.MergeAsync("pr-1", "main", MergeStrategy.Fail, "merge pr", NoMeta, default);

        var log = await Repo.LogAsync("main", 10, default);

        Assert.Equal("merge pr", log[0].Message);
        Assert.Equal(new[] { "one", "pr", "two", "merge pr", "Repository created" }.Order(), log.Select(c => c.Message).Order());
        Assert.Equal(2, (await Repo.LogAsync("main", 2, default)).Count);
    }

    [Fact]
    public async Task Concurrent_commits_to_one_branch_are_all_kept()
    {
        var folders = Enumerable.Range(0, 16).Select(i => Folder($"w{i}", ("shared.csv", "x"), ($"file{i}.csv", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        var outcomes = await Task.WhenAll(folders.Select(f => Task.Run(() => CommitAsync("main", f))));

        var history = (await Repo.LogAsync("main", 1000, default)).Select(c => c.Id).ToHashSet();
        Assert.All(outcomes, o => Assert.Contains(o.Commit.Id, history));
        Assert.Equal(17, history.Count);
    }

    [Fact]
    public async Task Fsck_and_checkout_report_a_corrupted_blob_by_path()
    {
        await CommitAsync("main", Folder("v1", ("good.csv", "fine"), ("bad.csv", "original")));
        var bad = await Repo.GetEntryAsync("main", "bad.csv", default);
        await Repo.Store.DeleteAsync("objects/" + bad.Hash[..2] + "/" + bad.Hash, default);
        await Repo.Store.PutIfAbsentAsync("objects/" + bad.Hash[..2] + "/" + bad.Hash, "tampered"u8.ToArray(), default);

        var fsck = await Repo.FsckAsync(NoProgress.Instance, default);
        var checkout = await Assert.ThrowsAsync<CorruptionException>(() => Repo.CheckoutAsync("main", Temp.Combine("out"), false, NoProgress.Instance, default));

        Assert.False(fsck.Clean);
        Assert.Contains(fsck.Problems, p => p.Contains("bad.csv", StringComparison.Ordinal));
        Assert.Equal(["bad.csv"], checkout.Objects);
        Assert.False(Directory.Exists(Temp.Combine("out")));
    }

    [Fact]
    public async Task Gc_removes_only_unreachable_objects_and_fsck_stays_clean()
    {
        await CommitAsync("main", Folder("v1", ("keep.csv", "keep")));
        await Repo.CreateBranchAsync("tmp", "main", default);
        await CommitAsync("tmp", Folder("tmp", ("keep.csv", "keep"), ("drop.csv", "drop")));
        await Repo.DeleteBranchAsync("tmp", false, default);

        var young = await Repo.GcAsync(TimeSpan.FromHours(1), default);
        var report = await Repo.GcAsync(TimeSpan.Zero, default);

        Assert.Equal(0, young.Removed);
        Assert.True(report.Removed >= 2);
        Assert.True((await Repo.FsckAsync(NoProgress.Instance, default)).Clean);
        Assert.Equal(new Dictionary<string, string> { ["keep.csv"] = "keep" }, await ContentAsync("main"));
    }

    [Fact]
    public async Task Checkout_materialises_a_ref_and_leaves_untracked_files_alone_even_when_forced()
    {
        // Before issue 14, --force replaced the whole folder and an untracked stale.txt was deleted; now it is kept.
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("deep/b.csv", "2")));
        var target = Folder("target", ("stale.txt", "old"));

        await Repo.CheckoutAsync("main", target, false, NoProgress.Instance, default);
        await Repo.CheckoutAsync("main", target, true, NoProgress.Instance, default);

        Assert.Equal("2", File.ReadAllText(Path.Combine(target, "deep", "b.csv")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "stale.txt")));
    }
}
