using MlopsCi.Core.Errors;
using MlopsCi.Core.Storage;
using MlopsCi.Core.Tests;
using MlopsCi.Core.Versioning;
using MlopsCi.Testing;
using Xunit.Abstractions;

namespace MlopsCi.S3.Tests;

/// <summary>
/// Whole-repository operations on Ceph through <see cref="FaultInjectingProxy"/> (about 15% of requests fail with
/// 500/503, resets before or after forwarding, truncated bodies; 4% are delayed, some past the client timeout). Every
/// commit, merge and checkout must succeed with exactly the expected content or fail with an
/// <see cref="MlopsException"/>; whatever happened, a branch is at its old commit or at a new one with the expected
/// content, a failed checkout leaves nothing behind, and fsck over a direct connection is clean at the end.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class RepositoryFaultSpecs(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 3;
    private const long MiB = 1024 * 1024;
    private static readonly IReadOnlyDictionary<string, string> NoMeta = new Dictionary<string, string>();
    private static readonly RepositoryOptions Options = new(TimeProvider.System, "fault-tester");

    private static readonly S3StoreOptions Faulty = S3TestServer.Options with
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(2),
        MultipartThreshold = 6 * MiB,
        PartSize = 5 * MiB,
    };

    private readonly TempFolder _temp = new();
    private readonly List<string> _failures = [];
    private FaultInjectingProxy? _proxy;
    private int _operations;
    private int _folders;

    /// <summary>
    /// With the default 8 attempts per request, retries absorb nearly every fault; with 1 (no retry), most operations
    /// fail part-way (some after their ref write landed), which is what the old-or-new check is for. (With 2 attempts
    /// a run could pass without a single failed operation, leaving that check unexercised.)
    /// </summary>
    [Theory]
    [InlineData(301, 8)]
    [InlineData(302, 8)]
    [InlineData(303, 1)]
    public async Task Commits_merges_and_checkouts_through_a_faulty_network_are_right_or_fail_cleanly_and_fsck_stays_clean(int seed, int attempts)
    {
        var root = $"s3://{S3TestServer.NewBucket("repofaults")}/repo";
        await using var directStore = await S3TestServer.OpenAsync(root);
        var direct = (await Repository.InitAsync(directStore, "main", Options, default)).Repository;
        await using var proxy = new FaultInjectingProxy(S3TestServer.Endpoint, new FaultInjectionOptions
        {
            FailureRate = 0.15,
            DelayRate = 0.04,
            MaxDelay = TimeSpan.FromSeconds(2.5),
            Seed = seed,
        })
        { Enabled = false };
        _proxy = proxy;
        await using var faultyStore = await S3TestServer.OpenAsync(root, Faulty with { MaxAttempts = attempts }, proxy.Endpoint);
        var faulty = await Repository.OpenAsync(faultyStore, Options, default);
        var random = new Random(seed);
        var main = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["big/model.bin"] = Bytes(random, (int)(7 * MiB)) };
        for (var f = 0; f < 20; f++)
            main[$"data/part{f:D2}.csv"] = Bytes(random, random.Next(1, 20_000));
        // The starting content goes in over the direct connection: every expectation below builds on what main holds.
        await direct.CommitFolderAsync("main", WriteFolder(main), "", "start", NoMeta, NoProgress.Instance, default);
        proxy.Enabled = true;

        try
        {
            main = await RunRoundsAsync(faulty, direct, main, random);
        }
        finally
        {
            output.WriteLine($"{proxy.Requests} requests, {proxy.InjectedFaults} faults: {string.Join(", ", proxy.FaultCounts.Select(f => $"{f.Key} {f.Value}"))}");
            output.WriteLine($"{_operations} operations, {_failures.Count} failed cleanly:\n  {string.Join("\n  ", _failures)}");
        }

        var fsck = await direct.FsckAsync(NoProgress.Instance, default);
        Assert.True(fsck.Clean, "fsck: " + string.Join("\n", fsck.Problems));
        Assert.True(fsck.Blobs >= main.Count, $"fsck checked {fsck.Blobs} blobs");
        var failed = proxy.InjectedFaults - proxy.FaultCounts.GetValueOrDefault(FaultKind.Delay);
        Assert.True(failed * 10 >= proxy.Requests, $"only {failed} of {proxy.Requests} requests failed (delays not counted)");
        if (attempts >= S3StoreOptions.Default.MaxAttempts)
            Assert.True(_failures.Count * 4 <= _operations, $"{_failures.Count} of {_operations} operations failed despite retries");
        else
            Assert.NotEmpty(_failures);
    }

    private async Task<Dictionary<string, byte[]>> RunRoundsAsync(Repository faulty, Repository direct, Dictionary<string, byte[]> main, Random random)
    {
        for (var round = 0; round < Rounds; round++)
        {
            // A commit to main, then a branch changing some paths while main changes others (concurrently), a
            // three-way merge of the two, and a checkout of the result.
            main = await CommitAsync(faulty, direct, "main", main, Mutate(main, random, "data/", round), $"round {round}");
            var pr = $"pr-{round}";
            await direct.EnsureBranchAsync(pr, "main", default);
            var mergeBase = main;
            var onPr = CommitAsync(faulty, direct, pr, mergeBase, Mutate(mergeBase, random, "features/", round), $"{pr} change");
            var onMain = CommitAsync(faulty, direct, "main", main, Mutate(main, random, "labels/", round), $"round {round} labels");
            var prContent = await onPr;
            main = await onMain;
            var merged = Apply(main, mergeBase, prContent);
            main = await RecordAsync(direct, "main", merged, main, () => faulty.MergeAsync(pr, "main", MergeStrategy.Fail, null, NoMeta, default));
            await CheckoutAsync(faulty, (await direct.ResolveAsync("main", default)).Id, main);
        }

        return main;
    }

    private async Task<Dictionary<string, byte[]>> CommitAsync(Repository faulty, Repository direct, string branch, Dictionary<string, byte[]> current, Dictionary<string, byte[]> proposed, string message)
    {
        var folder = WriteFolder(proposed);
        return await RecordAsync(direct, branch, proposed, current, () => faulty.CommitFolderAsync(branch, folder, "", message, NoMeta, NoProgress.Instance, default));
    }

    /// <summary>
    /// Runs one branch update through the faulty network and checks the branch afterwards: on success it is at the
    /// reported commit with the <paramref name="expected"/> content; on a clean failure it is either where it was, or
    /// at a new commit on top of it with the expected content (the update landed but its answer was lost).
    /// </summary>
    private async Task<Dictionary<string, byte[]>> RecordAsync(Repository direct, string branch, Dictionary<string, byte[]> expected, Dictionary<string, byte[]> current, Func<Task<CommitOutcome>> update)
    {
        var before = await direct.ResolveAsync(branch, default);
        Interlocked.Increment(ref _operations);
        try
        {
            var outcome = await update();
            var head = await direct.ResolveAsync(branch, default);
            Assert.Equal(outcome.Commit.Id, head.Id);
            await AssertTreeAsync(direct, head, expected, $"{branch} after a successful {outcome.Kind}");
            return expected;
        }
        catch (MlopsException e)
        {
            Assert.IsNotType<MergeConflictException>(e);
            lock (_failures)
                _failures.Add($"{branch}: {e.GetType().Name}: {e.Message}");
            // A request the client gave up on may still reach the server: judge once everything sent so far has landed.
            await _proxy!.SettledAsync();
            var head = await direct.ResolveAsync(branch, default);
            if (head.Id == before.Id)
                return current;
            Assert.Contains(before.Id, head.Parents);
            await AssertTreeAsync(direct, head, expected, $"{branch} after a failed update that landed");
            return expected;
        }
    }

    private async Task CheckoutAsync(Repository faulty, string head, Dictionary<string, byte[]> expected)
    {
        var target = _temp.Combine($"checkout-{Interlocked.Increment(ref _folders)}");
        _operations++;
        try
        {
            var (commit, _) = await faulty.CheckoutAsync(head, target, force: false, NoProgress.Instance, default);
            Assert.Equal(head, commit.Id);
            // .mlops/ holds checkout's own record of what it wrote (like .git/), not data.
            var files = Directory.GetFiles(target, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(target, f).StartsWith(".mlops" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(target, f).Replace('\\', '/'), f => Hashing.Sha256Hex(File.ReadAllBytes(f)), StringComparer.Ordinal);
            Assert.Equal(Hashes(expected), files);
        }
        catch (MlopsException e)
        {
            _failures.Add($"checkout: {e.GetType().Name}: {e.Message}");
            Assert.False(Directory.Exists(target), "a failed checkout created its target folder");
        }

        Assert.Empty(Directory.GetDirectories(_temp.Path, "*.mlops-staging-*"));
    }

    private static async Task AssertTreeAsync(Repository direct, Commit commit, Dictionary<string, byte[]> expected, string what)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entry in direct.ListAsync(commit, "", default))
            tree[entry.Path] = entry.Hash;
        Assert.True(Hashes(expected).SequenceEqual(tree), $"{what}: the tree of {commit.Id[..12]} is not the expected content");
    }

    private static SortedDictionary<string, string> Hashes(Dictionary<string, byte[]> files) =>
        new(files.ToDictionary(f => f.Key, f => Hashing.Sha256Hex(f.Value), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Modifies, deletes and adds a few files under <paramref name="area"/> (other paths stay as they are).</summary>
    private static Dictionary<string, byte[]> Mutate(Dictionary<string, byte[]> files, Random random, string area, int round)
    {
        var next = new Dictionary<string, byte[]>(files, StringComparer.Ordinal);
        var mine = next.Keys.Where(k => k.StartsWith(area, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var path in mine.Where(_ => random.NextDouble() < 0.3))
            next[path] = Bytes(random, random.Next(1, 20_000));
        foreach (var path in mine.Where(_ => random.NextDouble() < 0.1))
            next.Remove(path);
        for (var i = 0; i < 4; i++)
            next[$"{area}r{round}-{i}.csv"] = Bytes(random, random.Next(1, 50_000));
        return next;
    }

    /// <summary>What a merge should give: <paramref name="destination"/> plus the source's changes since the base.</summary>
    private static Dictionary<string, byte[]> Apply(Dictionary<string, byte[]> destination, Dictionary<string, byte[]> mergeBase, Dictionary<string, byte[]> source)
    {
        var merged = new Dictionary<string, byte[]>(destination, StringComparer.Ordinal);
        foreach (var path in mergeBase.Keys.Where(p => !source.ContainsKey(p)))
            merged.Remove(path);
        foreach (var (path, content) in source.Where(s => !mergeBase.TryGetValue(s.Key, out var old) || !old.AsSpan().SequenceEqual(s.Value)))
            merged[path] = content;
        return merged;
    }

    private string WriteFolder(Dictionary<string, byte[]> files)
    {
        var folder = _temp.Combine($"commit-{Interlocked.Increment(ref _folders)}");
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }

        return folder;
    }

    private static byte[] Bytes(Random random, int size)
    {
        var bytes = new byte[size];
        random.NextBytes(bytes);
        return bytes;
    }

    public void Dispose() => _temp.Dispose();
}
