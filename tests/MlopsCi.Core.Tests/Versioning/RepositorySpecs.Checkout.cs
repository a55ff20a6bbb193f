using MlopsCi.Core.Errors;
using MlopsCi.Core.Versioning;

namespace MlopsCi.Core.Tests.Versioning;

public abstract partial class RepositorySpecs
{
    [Fact]
    public async Task A_forced_checkout_keeps_git_the_mlops_folder_and_untracked_files()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("src/b.csv", "2")));
        var target = Folder("work", (".git/config", "[core]"), (".mlops/notes", "mine"), ("src/Program.cs", "code"), ("README.md", "readme"));

        await Repo.CheckoutAsync("main", target, force: true, NoProgress.Instance, default);

        Assert.Equal("[core]", File.ReadAllText(Path.Combine(target, ".git", "config")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, ".mlops", "notes")));
        Assert.Equal("code", File.ReadAllText(Path.Combine(target, "src", "Program.cs")));
        Assert.Equal("readme", File.ReadAllText(Path.Combine(target, "README.md")));
        Assert.Equal("2", File.ReadAllText(Path.Combine(target, "src", "b.csv")));
    }

    [Fact]
    public async Task A_checkout_removes_only_the_files_the_previous_checkout_wrote()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("gone/b.csv", "2")));
        var first = (await Repo.ResolveAsync("main", default)).Id;
        await CommitAsync("main", Folder("v2", ("a.csv", "1 changed"), ("d.csv", "4")));
        var target = Temp.Combine("work");
        await Repo.CheckoutAsync(first, target, false, NoProgress.Instance, default);
        File.WriteAllText(Path.Combine(target, "untracked.txt"), "keep me");
        File.WriteAllText(Path.Combine(target, "gone", "mine.txt"), "keep me too");

        await Repo.CheckoutAsync("main", target, false, NoProgress.Instance, default);

        Assert.Equal("1 changed", File.ReadAllText(Path.Combine(target, "a.csv")));
        Assert.Equal("4", File.ReadAllText(Path.Combine(target, "d.csv")));
        Assert.False(File.Exists(Path.Combine(target, "gone", "b.csv")));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(target, "untracked.txt")));
        Assert.Equal("keep me too", File.ReadAllText(Path.Combine(target, "gone", "mine.txt")));
    }

    [Fact]
    public async Task A_modified_tracked_file_stops_the_checkout_with_nothing_written_unless_forced()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("b.csv", "2")));
        var first = (await Repo.ResolveAsync("main", default)).Id;
        await CommitAsync("main", Folder("v2", ("a.csv", "1 new"), ("c.csv", "3")));
        var target = Temp.Combine("work");
        await Repo.CheckoutAsync(first, target, false, NoProgress.Instance, default);
        File.WriteAllText(Path.Combine(target, "a.csv"), "my edit");

        var refused = await Assert.ThrowsAsync<OperationFailedException>(() => Repo.CheckoutAsync("main", target, false, NoProgress.Instance, default));

        Assert.Contains("a.csv (modified since checkout)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal("my edit", File.ReadAllText(Path.Combine(target, "a.csv")));
        Assert.True(File.Exists(Path.Combine(target, "b.csv")));
        Assert.False(File.Exists(Path.Combine(target, "c.csv")));

        await Repo.CheckoutAsync("main", target, true, NoProgress.Instance, default);

        Assert.Equal("1 new", File.ReadAllText(Path.Combine(target, "a.csv")));
        Assert.False(File.Exists(Path.Combine(target, "b.csv")));
    }

    [Fact]
    public async Task An_untracked_file_in_the_way_stops_the_checkout_and_a_folder_in_the_way_stops_it_even_when_forced()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1"), ("b.csv", "2")));
        var target = Folder("work", ("a.csv", "someone else's"));
        Directory.CreateDirectory(Path.Combine(target, "b.csv"));
        File.WriteAllText(Path.Combine(target, "b.csv", "inside.txt"), "x");

        var refused = await Assert.ThrowsAsync<OperationFailedException>(() => Repo.CheckoutAsync("main", target, false, NoProgress.Instance, default));
        var forced = await Assert.ThrowsAsync<OperationFailedException>(() => Repo.CheckoutAsync("main", target, true, NoProgress.Instance, default));

        Assert.Contains("b.csv (a folder is where the ref has a file", refused.Message, StringComparison.Ordinal);
        Assert.Contains("b.csv", forced.Message, StringComparison.Ordinal);
        Assert.Equal("someone else's", File.ReadAllText(Path.Combine(target, "a.csv")));
        Assert.Equal("x", File.ReadAllText(Path.Combine(target, "b.csv", "inside.txt")));

        Directory.Delete(Path.Combine(target, "b.csv"), true);
        var untracked = await Assert.ThrowsAsync<OperationFailedException>(() => Repo.CheckoutAsync("main", target, false, NoProgress.Instance, default));
        await Repo.CheckoutAsync("main", target, true, NoProgress.Instance, default);

        Assert.Contains("a.csv (an untracked file in the way)", untracked.Message, StringComparison.Ordinal);
        Assert.Equal("1", File.ReadAllText(Path.Combine(target, "a.csv")));
    }

    [Fact]
    public async Task A_corrupt_blob_leaves_an_existing_checkout_as_it_was()
    {
        await CommitAsync("main", Folder("v1", ("a.csv", "1")));
        var target = Temp.Combine("work");
        await Repo.CheckoutAsync("main", target, false, NoProgress.Instance, default);
        await CommitAsync("main", Folder("v2", ("a.csv", "2"), ("b.csv", "bad")));
        var bad = await Repo.GetEntryAsync("main", "b.csv", default);
        await Repo.Store.DeleteAsync("objects/" + bad.Hash[..2] + "/" + bad.Hash, default);

        await Assert.ThrowsAsync<CorruptionException>(() => Repo.CheckoutAsync("main", target, false, NoProgress.Instance, default));

        Assert.Equal("1", File.ReadAllText(Path.Combine(target, "a.csv")));
        Assert.False(File.Exists(Path.Combine(target, "b.csv")));
        Assert.Equal(["checkout"], Directory.GetFileSystemEntries(Path.Combine(target, ".mlops")).Select(Path.GetFileName));
    }
}
