using MlopsCi.Core.Errors;

namespace MlopsCi.Core.Versioning;

public sealed partial class Repository
{
    private const int MaxCasAttempts = 200;

    /// <summary>
    /// Applies changes to a branch as one commit (cost grows with the change, not the repository). Concurrent writers
    /// are serialised by compare-and-swap: on a lost race the changes are re-applied to the new head.
    /// </summary>
    public Task<CommitOutcome> CommitChangesAsync(string branch, IEnumerable<Change> changes, string message, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var sorted = Normalize(changes);
        return UpdateBranchAsync(branch, HookEvent.PreCommit, async (head, tree) =>
        {
            var effective = await EffectiveChangesAsync(tree, sorted, cancellationToken);
            if (effective.Count == 0)
                return null;
            var after = await _trees.ApplyAsync(tree, effective, cancellationToken);
            return new Proposal([head.Id], after, message, metadata, "commit");
        }, cancellationToken);
    }

    /// <summary>Makes the branch's content under <paramref name="prefix"/> exactly the folder's content, as one commit.</summary>
    public async Task<CommitOutcome> CommitFolderAsync(string branch, string folder, string prefix, string message, IReadOnlyDictionary<string, string> metadata, IProgressSink progress, CancellationToken cancellationToken)
    {
        RefNames.Validate(branch, "branch");
        prefix = PathRules.NormalizePrefix(prefix);
        var head = await TryGetBranchAsync(branch, cancellationToken)
            ?? throw new InvalidInputException($"There is no branch '{branch}'. Create it with 'mlops data branch create {branch} --from {Info.DefaultBranch}'.");
        if (head.Ref.Protected)
            throw ProtectedBranch(branch);
        var scan = FolderScanner.Scan(folder, prefix);
        var startCommit = await GetCommitAsync(head.Ref.Commit, cancellationToken);
        var atStart = await ListUnderAsync(await GetTreeAsync(startCommit, cancellationToken), prefix, cancellationToken);
        // Blobs the branch already holds are known to be stored (its history keeps them from gc): a re-commit of
        // unchanged data uploads nothing.
        var known = atStart.Select(e => e.Hash).ToHashSet(StringComparer.Ordinal);
        await using var lease = await CommitLease.TakeAsync(Store, cancellationToken);
        var uploader = new BlobUploader(Store, progress);
        var (entries, stats) = await uploader.UploadAsync(scan, known, cancellationToken);
        return await UpdateBranchAsync(branch, HookEvent.PreCommit, async (current, tree) =>
        {
            var existing = current.Id == startCommit.Id ? atStart : await ListUnderAsync(tree, prefix, cancellationToken);
            var changes = DiffSorted(existing, entries).Select(d => d.ToChange()).ToList();
            if (changes.Count == 0)
                return null;
            var after = await _trees.ApplyAsync(tree, changes, cancellationToken);
            return new Proposal([current.Id], after, message, metadata, "commit");
        }, cancellationToken, lease, async () => (entries, _) = await uploader.UploadAsync(scan, known, cancellationToken)) with { Transfer = stats };
    }

    private async Task<List<Entry>> ListUnderAsync(Metarange tree, string prefix, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        await foreach (var entry in _trees.EnumerateAsync(tree, prefix, cancellationToken))
            entries.Add(entry);
        return entries;
    }

    private sealed record Proposal(IReadOnlyList<string> Parents, Metarange Tree, string Message, IReadOnlyDictionary<string, string> Metadata, string Kind, string? FastForwardTo = null);

    /// <summary>
    /// The one place a branch moves: read the head, build a proposal, validate it, write the commit, compare-and-swap
    /// the ref; on a lost race start again from the new head. A null proposal means "nothing to do".
    /// </summary>
    private async Task<CommitOutcome> UpdateBranchAsync(
        string branch, HookEvent hookEvent, Func<Commit, Metarange, Task<Proposal?>> propose, CancellationToken cancellationToken, CommitLease? lease = null, Func<Task>? rewriteAfterGc = null)
    {
        RefNames.Validate(branch, "branch");
        CommitLease? ownLease = lease is null ? await CommitLease.TakeAsync(Store, cancellationToken) : null;
        await using (ownLease)
            return await UpdateBranchAsync(branch, hookEvent, propose, lease ?? ownLease!, rewriteAfterGc, cancellationToken);
    }

    private async Task<CommitOutcome> UpdateBranchAsync(
        string branch, HookEvent hookEvent, Func<Commit, Metarange, Task<Proposal?>> propose, CommitLease lease, Func<Task>? rewriteAfterGc, CancellationToken cancellationToken)
    {
        var gcRaces = 0;
        for (var attempt = 1; ; attempt++)
        {
            var head = await TryGetBranchAsync(branch, cancellationToken)
                ?? throw new InvalidInputException($"There is no branch '{branch}'. Create it with 'mlops data branch create {branch} --from {Info.DefaultBranch}'.");
            if (head.Ref.Protected && hookEvent == HookEvent.PreCommit)
                throw ProtectedBranch(branch);
            var headCommit = await GetCommitAsync(head.Ref.Commit, cancellationToken);
            var before = await GetTreeAsync(headCommit, cancellationToken);
            var proposal = await propose(headCommit, before);
            if (proposal is null)
                return new CommitOutcome(headCommit, false, [], "none");
            var changes = await _trees.DiffAsync(before, proposal.Tree, "", cancellationToken);
            if (Options.Validator is { } validator && changes.Count > 0)
                await validator.ValidateAsync(new ValidationContext(hookEvent, branch, headCommit, before, proposal.Tree, changes, this), cancellationToken);
            var commit = proposal.FastForwardTo is { } target
                ? await GetCommitAsync(target, cancellationToken)
                : await WriteCommitAsync(proposal.Parents, proposal.Tree, proposal.Message, proposal.Metadata, await NextGenerationAsync(proposal.Parents, cancellationToken), cancellationToken);
            if (await MissingAfterGcAsync(lease, before, proposal.Tree, commit, changes, cancellationToken) is { Count: > 0 } missing)
            {
                // A gc removed objects this commit reuses: write them again (the folder's blobs through the uploader;
                // ranges, metarange and commit by proposing again), or give up without moving the ref.
                if (++gcRaces > 3 || (missing.Any(k => k.StartsWith("objects/", StringComparison.Ordinal)) && rewriteAfterGc is null))
                    throw new OperationFailedException($"A concurrent 'mlops data gc' removed {missing.Count} object(s) this change needs (e.g. {missing[0]}); branch '{branch}' was not moved. Run the command again.");
                if (rewriteAfterGc is not null)
                    await rewriteAfterGc();
                continue;
            }

            var moved = head.Ref with { Commit = commit.Id, Version = head.Ref.Version + 1 };
            if (await Store.TryWriteVersionedAsync(BranchKey(branch), moved.ToBytes(), head.Tag, cancellationToken))
                return new CommitOutcome(commit, true, changes, proposal.Kind);
            if (attempt >= MaxCasAttempts)
                throw new OperationFailedException($"Branch '{branch}' kept changing under concurrent writers; gave up after {attempt} attempts. Retry the operation.");
            await Task.Delay(Random.Shared.Next(1, Math.Min(50, 2 * attempt)), cancellationToken);
        }
    }

    /// <summary>
    /// If a gc ran during this commit (waiting for it to end), the keys of objects the new commit adds to the branch that
    /// are no longer stored; empty otherwise. Objects the branch already had are kept by its history.
    /// </summary>
    private async Task<List<string>> MissingAfterGcAsync(CommitLease lease, Metarange before, Metarange after, Commit commit, IReadOnlyList<DiffEntry> changes, CancellationToken cancellationToken)
    {
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        while (await lease.GcRanAsync(cancellationToken))
        {
            var oldRanges = before.Ranges.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var keys = changes.Where(c => c.Right is not null).Select(c => BlobKey(c.Right!.Hash))
                .Concat(after.Ranges.Where(r => !oldRanges.Contains(r.Id)).Select(r => TreeStore.RangeKey(r.Id)))
                .Append(TreeStore.MetarangeKey(commit.Metarange)).Append(CommitKey(commit.Id))
                .Distinct(StringComparer.Ordinal);
            var options = new ParallelOptions { MaxDegreeOfParallelism = Store.TransferParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(keys, options, async (key, ct) =>
            {
                if (!await Store.ExistsAsync(key, ct))
                    missing.Add(key);
            });
        }

        return [.. missing.Order(StringComparer.Ordinal)];
    }

    private async Task<int> NextGenerationAsync(IReadOnlyList<string> parents, CancellationToken cancellationToken)
    {
        var generation = 0;
        foreach (var parent in parents)
            generation = Math.Max(generation, (await GetCommitAsync(parent, cancellationToken)).Generation);
        return generation + 1;
    }

    private static OperationFailedException ProtectedBranch(string branch) =>
        new($"Branch '{branch}' is protected: it changes only by merge. Commit to a branch of it ('mlops data branch create my-change --from {branch}') and merge that.");

    private static List<Change> Normalize(IEnumerable<Change> changes)
    {
        var byPath = new SortedDictionary<string, Change>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            PathRules.Validate(change.Path);
            byPath[change.Path] = change;
        }

        return [.. byPath.Values];
    }

    private async Task<List<Change>> EffectiveChangesAsync(Metarange tree, List<Change> changes, CancellationToken cancellationToken)
    {
        // Drop no-op changes so an unchanged re-commit creates no commit.
        var effective = new List<Change>(changes.Count);
        foreach (var change in changes)
        {
            var current = await _trees.FindAsync(tree, change.Path, cancellationToken);
            if (current?.Hash != change.Entry?.Hash)
                effective.Add(change);
        }

        return effective;
    }

    internal static IEnumerable<DiffEntry> DiffSorted(IReadOnlyList<Entry> left, IReadOnlyList<Entry> right)
    {
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            var order = i == left.Count ? 1 : j == right.Count ? -1 : string.CompareOrdinal(left[i].Path, right[j].Path);
            if (order < 0)
                yield return new DiffEntry(DiffKind.Deleted, left[i].Path, left[i++], null);
            else if (order > 0)
                yield return new DiffEntry(DiffKind.Added, right[j].Path, null, right[j++]);
            else
            {
                if (left[i].Hash != right[j].Hash)
                    yield return new DiffEntry(DiffKind.Modified, left[i].Path, left[i], right[j]);
                i++;
                j++;
            }
        }
    }
}
